import { defineConfig } from "drizzle-kit";

// Migrations are generated here and checked in; they are applied by `pnpm db:migrate`, never pushed.
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/schema/index.ts",
  out: "../../drizzle",
  casing: "snake_case",
  strict: true,
  verbose: true,
});
