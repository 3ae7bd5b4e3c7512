import { Body, Container, Head, Hr, Html, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";
import type { AgencyIdentity, EmailLocale } from "./types.ts";

const body = { backgroundColor: "#f4f6f8", fontFamily: "Helvetica, Arial, sans-serif", color: "#1f2933" };
const container = { backgroundColor: "#ffffff", margin: "24px auto", padding: "32px", maxWidth: "560px", borderRadius: "8px" };
const footer = { fontSize: "12px", color: "#52606d", lineHeight: "18px" };

/** The frame every debtor email shares: language, preview line, agency identity in the footer. */
export function EmailLayout(props: { locale: EmailLocale; preview: string; agency: AgencyIdentity; children: ReactNode }) {
  return (
    <Html lang={props.locale}>
      <Head />
      <Preview>{props.preview}</Preview>
      <Body style={body}>
        <Container style={container}>
          <Section>{props.children}</Section>
          <Hr />
          <Text style={footer}>
            {props.agency.name} · {props.agency.address}
            {props.agency.registration ? ` · ${props.agency.registration}` : ""}
            <br />
            {props.agency.email} · {props.agency.phone}
          </Text>
        </Container>
      </Body>
    </Html>
  );
}
