/**
 * @recouvra/ui — the design system shared by the workspace and the portal.
 * Import the theme once per app with `@import "@recouvra/ui/styles.css";` in the app's stylesheet.
 */
export { cx, type ClassValue } from "./cx.ts";
export { Button, buttonClasses, type ButtonProps, type ButtonSize, type ButtonVariant } from "./button.tsx";
export { Badge, type BadgeProps, type Tone } from "./badge.tsx";
export { Card, type CardProps } from "./card.tsx";
export { Stat, StatGrid, type StatProps } from "./stat.tsx";
export { PageHeader, type PageHeaderProps } from "./page-header.tsx";
export {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableFoot,
  TableHead,
  TableHeaderCell,
  TableRow,
  type TableProps,
} from "./table.tsx";
export { Alert, type AlertProps, type AlertTone } from "./alert.tsx";
export { AppShell, Brand, NavList, navLinkClasses, type AppShellProps, type BrandProps, type NavListProps } from "./app-shell.tsx";
export { BarChart, type BarChartProps, type BarDatum } from "./bar-chart.tsx";
export { LanguageSwitcher, type LanguageOption, type LanguageSwitcherProps } from "./language-switcher.tsx";
export { EmptyState, type EmptyStateProps } from "./empty-state.tsx";
export { Toast, type ToastMessage } from "./toast.tsx";
export {
  CheckboxField,
  ChoiceGroup,
  FieldHelp,
  FileField,
  SelectField,
  TextAreaField,
  TextField,
  fieldDescribedBy,
  type CheckboxFieldProps,
  type ChoiceGroupProps,
  type ChoiceOption,
  type FieldBaseProps,
  type FileFieldProps,
  type SelectFieldProps,
  type TextAreaFieldProps,
  type TextFieldProps,
} from "./field.tsx";
export { ProgressBar, type ProgressBarProps } from "./progress-bar.tsx";
