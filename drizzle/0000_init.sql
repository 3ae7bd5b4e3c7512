CREATE TABLE "client_api_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"key_hash" char(64) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "client_api_keys_key_hash_key" UNIQUE("key_hash"),
	CONSTRAINT "client_api_keys_key_hash_check" CHECK ("client_api_keys"."key_hash" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
CREATE TABLE "clients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"legal_name" text NOT NULL,
	"jurisdiction" text NOT NULL,
	"country_code" char(2) NOT NULL,
	"vat_number" text,
	"registration_number" text,
	"iban" text,
	"address" text,
	"contact_email" text,
	"default_locale" text DEFAULT 'fr' NOT NULL,
	"default_currency" char(3) DEFAULT 'EUR' NOT NULL,
	"strategy_id" uuid,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "clients_name_key" UNIQUE("name"),
	CONSTRAINT "clients_jurisdiction_check" CHECK ("clients"."jurisdiction" IN ('FR', 'BE', 'NL')),
	CONSTRAINT "clients_default_locale_check" CHECK ("clients"."default_locale" IN ('fr', 'nl', 'en')),
	CONSTRAINT "clients_default_currency_check" CHECK ("clients"."default_currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "clients_country_code_check" CHECK ("clients"."country_code" ~ '^[A-Z]{2}$'),
	CONSTRAINT "clients_iban_check" CHECK ("clients"."iban" IS NULL OR "clients"."iban" ~ '^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$')
);
--> statement-breakpoint
CREATE TABLE "strategies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid,
	"name" text NOT NULL,
	"jurisdiction" text,
	"debtor_type" text,
	"steps" jsonb NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "strategies_jurisdiction_check" CHECK ("strategies"."jurisdiction" IN ('FR', 'BE', 'NL')),
	CONSTRAINT "strategies_debtor_type_check" CHECK ("strategies"."debtor_type" IN ('consumer', 'business')),
	CONSTRAINT "strategies_steps_array_check" CHECK (jsonb_typeof("strategies"."steps") = 'array')
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ip" text,
	"user_agent" text,
	CONSTRAINT "sessions_id_sha256_check" CHECK ("sessions"."id" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
CREATE TABLE "teams" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "teams_name_key" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text,
	"role" text NOT NULL,
	"client_id" uuid,
	"team_id" uuid,
	"totp_secret" text,
	"locale" text DEFAULT 'en' NOT NULL,
	"is_disabled" boolean DEFAULT false NOT NULL,
	"last_login_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_key" UNIQUE("email"),
	CONSTRAINT "users_email_lower_check" CHECK ("users"."email" = lower("users"."email")),
	CONSTRAINT "users_role_check" CHECK ("users"."role" IN ('admin', 'supervisor', 'agent', 'client')),
	CONSTRAINT "users_locale_check" CHECK ("users"."locale" IN ('fr', 'nl', 'en')),
	CONSTRAINT "users_client_binding_check" CHECK (("users"."role" = 'client') = ("users"."client_id" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "contact_points" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"debtor_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"value" text NOT NULL,
	"label" text,
	"line1" text,
	"line2" text,
	"postal_code" text,
	"city" text,
	"country_code" char(2),
	"is_primary" boolean DEFAULT false NOT NULL,
	"is_verified" boolean DEFAULT false NOT NULL,
	"is_invalid" boolean DEFAULT false NOT NULL,
	"has_consent" boolean DEFAULT false NOT NULL,
	"opted_out_at" timestamp with time zone,
	"source" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contact_points_kind_check" CHECK ("contact_points"."kind" IN ('email', 'phone', 'address')),
	CONSTRAINT "contact_points_value_check" CHECK (length("contact_points"."value") > 0),
	CONSTRAINT "contact_points_country_code_check" CHECK ("contact_points"."country_code" IS NULL OR "contact_points"."country_code" ~ '^[A-Z]{2}$')
);
--> statement-breakpoint
CREATE TABLE "debtors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"type" text NOT NULL,
	"first_name" text,
	"last_name" text,
	"company_name" text,
	"registration_number" text,
	"vat_number" text,
	"date_of_birth" date,
	"locale" text NOT NULL,
	"jurisdiction" text NOT NULL,
	"external_ref" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "debtors_id_client_key" UNIQUE("id","client_id"),
	CONSTRAINT "debtors_kind_check" CHECK ("debtors"."kind" IN ('person', 'company')),
	CONSTRAINT "debtors_type_check" CHECK ("debtors"."type" IN ('consumer', 'business')),
	CONSTRAINT "debtors_locale_check" CHECK ("debtors"."locale" IN ('fr', 'nl', 'en')),
	CONSTRAINT "debtors_jurisdiction_check" CHECK ("debtors"."jurisdiction" IN ('FR', 'BE', 'NL')),
	CONSTRAINT "debtors_name_check" CHECK (("debtors"."kind" = 'person' AND "debtors"."last_name" IS NOT NULL) OR ("debtors"."kind" = 'company' AND "debtors"."company_name" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"debtor_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"payment_reference" text NOT NULL,
	"client_reference" text,
	"stage" text DEFAULT 'new' NOT NULL,
	"holds" text[] DEFAULT '{}'::text[] NOT NULL,
	"closure_reason" text,
	"jurisdiction" text NOT NULL,
	"currency" char(3) NOT NULL,
	"strategy_id" uuid,
	"placed_on" date NOT NULL,
	"notice_sent_on" date,
	"first_contact_on" date,
	"last_contact_at" timestamp with time zone,
	"next_action_on" date,
	"next_action_kind" text,
	"assigned_user_id" uuid,
	"team_id" uuid,
	"priority_score" integer DEFAULT 0 NOT NULL,
	"propensity_score" smallint,
	"closed_on" date,
	"review_due_on" date,
	"dossier_due_on" date,
	"portal_access_code_hash" text,
	"portal_failed_attempts" integer DEFAULT 0 NOT NULL,
	"portal_locked_until" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cases_reference_key" UNIQUE("reference"),
	CONSTRAINT "cases_payment_reference_key" UNIQUE("payment_reference"),
	CONSTRAINT "cases_id_client_key" UNIQUE("id","client_id"),
	CONSTRAINT "cases_stage_check" CHECK ("cases"."stage" IN ('new', 'notified', 'in_contact', 'negotiating', 'arrangement', 'promise', 'closed')),
	CONSTRAINT "cases_holds_check" CHECK ("cases"."holds" <@ ARRAY['disputed', 'insolvency', 'deceased', 'vulnerable']::text[]),
	CONSTRAINT "cases_closure_reason_check" CHECK ("cases"."closure_reason" IN ('paid', 'settled', 'withdrawn', 'uncollectable', 'legal_handover')),
	CONSTRAINT "cases_closure_reason_set_check" CHECK (("cases"."stage" = 'closed') = ("cases"."closure_reason" IS NOT NULL)),
	CONSTRAINT "cases_closed_on_set_check" CHECK (("cases"."stage" = 'closed') = ("cases"."closed_on" IS NOT NULL)),
	CONSTRAINT "cases_jurisdiction_check" CHECK ("cases"."jurisdiction" IN ('FR', 'BE', 'NL')),
	CONSTRAINT "cases_currency_check" CHECK ("cases"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "cases_propensity_score_check" CHECK ("cases"."propensity_score" BETWEEN 0 AND 100),
	CONSTRAINT "cases_portal_failed_attempts_check" CHECK ("cases"."portal_failed_attempts" >= 0),
	CONSTRAINT "cases_version_check" CHECK ("cases"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "claims" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"invoice_number" text NOT NULL,
	"issued_on" date NOT NULL,
	"due_on" date NOT NULL,
	"principal_cents" bigint NOT NULL,
	"currency" char(3) NOT NULL,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "claims_client_invoice_key" UNIQUE("client_id","invoice_number"),
	CONSTRAINT "claims_principal_check" CHECK ("claims"."principal_cents" > 0),
	CONSTRAINT "claims_dates_check" CHECK ("claims"."due_on" >= "claims"."issued_on"),
	CONSTRAINT "claims_currency_check" CHECK ("claims"."currency" ~ '^[A-Z]{3}$')
);
--> statement-breakpoint
CREATE TABLE "portal_sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ip" text,
	"user_agent" text,
	CONSTRAINT "portal_sessions_id_sha256_check" CHECK ("portal_sessions"."id" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
CREATE TABLE "ledger_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"component" text NOT NULL,
	"kind" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	"currency" char(3) NOT NULL,
	"effective_on" date NOT NULL,
	"reference" text,
	"description" text,
	"claim_id" uuid,
	"payment_id" uuid,
	"reverses_entry_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "ledger_entries_component_check" CHECK ("ledger_entries"."component" IN ('principal', 'interest', 'costs', 'fees')),
	CONSTRAINT "ledger_entries_kind_check" CHECK ("ledger_entries"."kind" IN ('placed', 'accrued', 'charged', 'payment', 'adjustment', 'write_off', 'reversal')),
	CONSTRAINT "ledger_entries_amount_check" CHECK ("ledger_entries"."amount_cents" <> 0),
	CONSTRAINT "ledger_entries_currency_check" CHECK ("ledger_entries"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "ledger_entries_payment_check" CHECK ("ledger_entries"."kind" <> 'payment' OR "ledger_entries"."payment_id" IS NOT NULL),
	CONSTRAINT "ledger_entries_reversal_check" CHECK (("ledger_entries"."kind" = 'reversal') = ("ledger_entries"."reverses_entry_id" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "payment_allocations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"payment_id" uuid NOT NULL,
	"component" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	CONSTRAINT "payment_allocations_payment_component_key" UNIQUE("payment_id","component"),
	CONSTRAINT "payment_allocations_component_check" CHECK ("payment_allocations"."component" IN ('principal', 'interest', 'costs', 'fees')),
	CONSTRAINT "payment_allocations_amount_check" CHECK ("payment_allocations"."amount_cents" > 0)
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"provider" text NOT NULL,
	"external_id" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	"currency" char(3) NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'succeeded' NOT NULL,
	"payer_name" text,
	"reversed_at" timestamp with time zone,
	"reversal_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payments_provider_external_id_key" UNIQUE("provider","external_id"),
	CONSTRAINT "payments_provider_check" CHECK ("payments"."provider" IN ('stripe', 'demo', 'bank_transfer', 'direct_to_creditor', 'manual')),
	CONSTRAINT "payments_status_check" CHECK ("payments"."status" IN ('succeeded', 'reversed')),
	CONSTRAINT "payments_amount_check" CHECK ("payments"."amount_cents" > 0),
	CONSTRAINT "payments_currency_check" CHECK ("payments"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "payments_reversal_check" CHECK (("payments"."status" = 'reversed') = ("payments"."reversed_at" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "arrangements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"proposed_by" text NOT NULL,
	"proposed_by_user_id" uuid,
	"counter_of_id" uuid,
	"terms" jsonb NOT NULL,
	"total_cents" bigint NOT NULL,
	"currency" char(3) NOT NULL,
	"decision_reason" text,
	"decided_at" timestamp with time zone,
	"accepted_at" timestamp with time zone,
	"acknowledgment_text" text,
	"acknowledgment_ip" text,
	"acknowledged_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "arrangements_kind_check" CHECK ("arrangements"."kind" IN ('plan', 'settlement')),
	CONSTRAINT "arrangements_status_check" CHECK ("arrangements"."status" IN ('proposed', 'countered', 'accepted', 'active', 'completed', 'broken', 'rejected')),
	CONSTRAINT "arrangements_proposed_by_check" CHECK ("arrangements"."proposed_by" IN ('debtor', 'agent', 'client', 'policy')),
	CONSTRAINT "arrangements_total_check" CHECK ("arrangements"."total_cents" > 0),
	CONSTRAINT "arrangements_currency_check" CHECK ("arrangements"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "arrangements_terms_object_check" CHECK (jsonb_typeof("arrangements"."terms") = 'object'),
	CONSTRAINT "arrangements_accepted_check" CHECK ("arrangements"."status" NOT IN ('accepted', 'active', 'completed') OR "arrangements"."accepted_at" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "instalments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"arrangement_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"due_on" date NOT NULL,
	"amount_cents" bigint NOT NULL,
	"paid_cents" bigint DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"paid_on" date,
	"reminded_at" timestamp with time zone,
	CONSTRAINT "instalments_arrangement_seq_key" UNIQUE("arrangement_id","seq"),
	CONSTRAINT "instalments_seq_check" CHECK ("instalments"."seq" >= 1),
	CONSTRAINT "instalments_amount_check" CHECK ("instalments"."amount_cents" > 0),
	CONSTRAINT "instalments_paid_check" CHECK ("instalments"."paid_cents" >= 0 AND "instalments"."paid_cents" <= "instalments"."amount_cents"),
	CONSTRAINT "instalments_status_check" CHECK ("instalments"."status" IN ('scheduled', 'paid', 'partially_paid', 'missed', 'waived'))
);
--> statement-breakpoint
CREATE TABLE "promises" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"promised_on" date NOT NULL,
	"due_on" date NOT NULL,
	"amount_cents" bigint NOT NULL,
	"currency" char(3) NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"user_id" uuid,
	"resolved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "promises_amount_check" CHECK ("promises"."amount_cents" > 0),
	CONSTRAINT "promises_dates_check" CHECK ("promises"."due_on" >= "promises"."promised_on"),
	CONSTRAINT "promises_currency_check" CHECK ("promises"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "promises_status_check" CHECK ("promises"."status" IN ('pending', 'kept', 'broken', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "disputes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"details" text,
	"status" text DEFAULT 'open' NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolution" text,
	"resolved_by_user_id" uuid,
	CONSTRAINT "disputes_reason_check" CHECK ("disputes"."reason" IN ('not_mine', 'already_paid', 'amount_wrong', 'goods_or_service', 'identity_theft', 'other')),
	CONSTRAINT "disputes_status_check" CHECK ("disputes"."status" IN ('open', 'upheld', 'rejected', 'withdrawn')),
	CONSTRAINT "disputes_resolved_check" CHECK (("disputes"."status" = 'open') = ("disputes"."resolved_at" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "interactions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"direction" text NOT NULL,
	"outcome" text,
	"note" text,
	"user_id" uuid,
	"contact_point_id" uuid,
	"message_id" uuid,
	"duration_seconds" integer,
	"occurred_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "interactions_channel_check" CHECK ("interactions"."channel" IN ('letter', 'email', 'sms', 'phone', 'portal', 'visit')),
	CONSTRAINT "interactions_direction_check" CHECK ("interactions"."direction" IN ('outbound', 'inbound')),
	CONSTRAINT "interactions_outcome_check" CHECK ("interactions"."outcome" IN ('right_party_contact', 'third_party', 'no_answer', 'voicemail', 'wrong_number', 'refused', 'promised', 'disputed', 'callback_requested', 'sent', 'delivered', 'bounced', 'replied')),
	CONSTRAINT "interactions_duration_check" CHECK ("interactions"."duration_seconds" >= 0)
);
--> statement-breakpoint
CREATE TABLE "messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid,
	"client_id" uuid,
	"channel" text NOT NULL,
	"direction" text NOT NULL,
	"template" text,
	"locale" text,
	"contact_point_id" uuid,
	"recipient" text NOT NULL,
	"subject" text,
	"body" text,
	"data" jsonb,
	"document_id" uuid,
	"status" text DEFAULT 'queued' NOT NULL,
	"provider" text,
	"provider_message_id" text,
	"idempotency_key" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "messages_idempotency_key_key" UNIQUE("idempotency_key"),
	CONSTRAINT "messages_case_client_check" CHECK ("messages"."case_id" IS NULL OR "messages"."client_id" IS NOT NULL),
	CONSTRAINT "messages_channel_check" CHECK ("messages"."channel" IN ('letter', 'email', 'sms')),
	CONSTRAINT "messages_direction_check" CHECK ("messages"."direction" IN ('outbound', 'inbound')),
	CONSTRAINT "messages_status_check" CHECK ("messages"."status" IN ('queued', 'sending', 'sent', 'delivered', 'failed', 'bounced', 'complained', 'suppressed', 'received')),
	CONSTRAINT "messages_locale_check" CHECK ("messages"."locale" IN ('fr', 'nl', 'en')),
	CONSTRAINT "messages_attempts_check" CHECK ("messages"."attempts" >= 0)
);
--> statement-breakpoint
CREATE TABLE "notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"user_id" uuid,
	"body" text NOT NULL,
	"is_pinned" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notes_body_check" CHECK (length("notes"."body") > 0)
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"case_id" uuid,
	"claim_id" uuid,
	"kind" text NOT NULL,
	"filename" text NOT NULL,
	"mime_type" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"sha256" char(64) NOT NULL,
	"storage_key" text NOT NULL,
	"uploaded_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "documents_storage_key_key" UNIQUE("storage_key"),
	CONSTRAINT "documents_kind_check" CHECK ("documents"."kind" IN ('invoice', 'contract', 'formal_notice', 'letter', 'plan_agreement', 'receipt', 'dispute_evidence', 'legal_dossier', 'remittance_statement', 'other')),
	CONSTRAINT "documents_size_check" CHECK ("documents"."size_bytes" >= 0),
	CONSTRAINT "documents_sha256_check" CHECK ("documents"."sha256" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
CREATE TABLE "fee_agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"rules" jsonb NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fee_agreements_client_valid_from_key" UNIQUE("client_id","valid_from"),
	CONSTRAINT "fee_agreements_period_check" CHECK ("fee_agreements"."valid_to" IS NULL OR "fee_agreements"."valid_to" > "fee_agreements"."valid_from"),
	CONSTRAINT "fee_agreements_rules_object_check" CHECK (jsonb_typeof("fee_agreements"."rules") = 'object')
);
--> statement-breakpoint
CREATE TABLE "negotiation_policies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid,
	"policy" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "negotiation_policies_client_key" UNIQUE NULLS NOT DISTINCT("client_id"),
	CONSTRAINT "negotiation_policies_policy_object_check" CHECK (jsonb_typeof("negotiation_policies"."policy") = 'object')
);
--> statement-breakpoint
CREATE TABLE "remittance_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"remittance_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"payment_id" uuid NOT NULL,
	"kind" text DEFAULT 'payment' NOT NULL,
	"collected_cents" bigint NOT NULL,
	"commission_cents" bigint NOT NULL,
	"vat_cents" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "remittance_lines_payment_kind_key" UNIQUE("payment_id","kind"),
	CONSTRAINT "remittance_lines_kind_check" CHECK ("remittance_lines"."kind" IN ('payment', 'reversal'))
);
--> statement-breakpoint
CREATE TABLE "remittances" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"currency" char(3) NOT NULL,
	"collected_cents" bigint DEFAULT 0 NOT NULL,
	"commission_cents" bigint DEFAULT 0 NOT NULL,
	"vat_cents" bigint DEFAULT 0 NOT NULL,
	"net_cents" bigint DEFAULT 0 NOT NULL,
	"document_id" uuid,
	"issued_at" timestamp with time zone,
	"settled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "remittances_client_period_key" UNIQUE("client_id","period_start"),
	CONSTRAINT "remittances_period_check" CHECK ("remittances"."period_end" >= "remittances"."period_start"),
	CONSTRAINT "remittances_status_check" CHECK ("remittances"."status" IN ('draft', 'issued', 'settled')),
	CONSTRAINT "remittances_currency_check" CHECK ("remittances"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "remittances_commission_check" CHECK ("remittances"."commission_cents" >= 0 AND "remittances"."vat_cents" >= 0),
	CONSTRAINT "remittances_issued_check" CHECK ("remittances"."status" = 'draft' OR "remittances"."issued_at" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "escalations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"due_on" date NOT NULL,
	"recommendation" text,
	"decision" text,
	"rationale" text,
	"decided_by_user_id" uuid,
	"decided_at" timestamp with time zone,
	"dossier_document_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "escalations_kind_check" CHECK ("escalations"."kind" IN ('review', 'legal_dossier')),
	CONSTRAINT "escalations_status_check" CHECK ("escalations"."status" IN ('open', 'decided')),
	CONSTRAINT "escalations_decision_check" CHECK ("escalations"."decision" IN ('continue_amicable', 'settle', 'prepare_dossier', 'proceed_legal', 'write_off')),
	CONSTRAINT "escalations_decided_check" CHECK (("escalations"."status" = 'decided') = ("escalations"."decision" IS NOT NULL AND "escalations"."decided_at" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "audit_chain_heads" (
	"chain" text PRIMARY KEY NOT NULL,
	"last_seq" bigint NOT NULL,
	"last_hash" char(64) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "audit_chain_heads_last_seq_check" CHECK ("audit_chain_heads"."last_seq" >= 1)
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"chain" text NOT NULL,
	"seq" bigint NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"actor_kind" text NOT NULL,
	"actor_id" text,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"case_id" uuid,
	"client_id" uuid,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"prev_hash" char(64) NOT NULL,
	"hash" char(64) NOT NULL,
	CONSTRAINT "audit_events_chain_seq_key" UNIQUE("chain","seq"),
	CONSTRAINT "audit_events_seq_check" CHECK ("audit_events"."seq" >= 1),
	CONSTRAINT "audit_events_actor_kind_check" CHECK ("audit_events"."actor_kind" IN ('user', 'debtor', 'system', 'client_api')),
	CONSTRAINT "audit_events_hash_check" CHECK ("audit_events"."hash" ~ '^[0-9a-f]{64}$' AND "audit_events"."prev_hash" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
CREATE TABLE "agency_settings" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"name" text NOT NULL,
	"legal_name" text,
	"address" text,
	"registration_number" text,
	"vat_number" text,
	"email" text,
	"phone" text,
	"website" text,
	"iban" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agency_settings_singleton_check" CHECK ("agency_settings"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "import_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"source" text NOT NULL,
	"filename" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"row_count" integer DEFAULT 0 NOT NULL,
	"created_count" integer DEFAULT 0 NOT NULL,
	"duplicate_count" integer DEFAULT 0 NOT NULL,
	"rejected_count" integer DEFAULT 0 NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	CONSTRAINT "import_batches_source_check" CHECK ("import_batches"."source" IN ('csv', 'api')),
	CONSTRAINT "import_batches_status_check" CHECK ("import_batches"."status" IN ('pending', 'processing', 'completed', 'failed')),
	CONSTRAINT "import_batches_counts_check" CHECK ("import_batches"."created_count" >= 0 AND "import_batches"."duplicate_count" >= 0 AND "import_batches"."rejected_count" >= 0 AND "import_batches"."created_count" + "import_batches"."duplicate_count" + "import_batches"."rejected_count" <= "import_batches"."row_count")
);
--> statement-breakpoint
CREATE TABLE "import_rows" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"batch_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"row_key" text NOT NULL,
	"row_number" integer NOT NULL,
	"status" text NOT NULL,
	"case_id" uuid,
	"raw" jsonb NOT NULL,
	"errors" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "import_rows_client_row_key" UNIQUE("client_id","row_key"),
	CONSTRAINT "import_rows_status_check" CHECK ("import_rows"."status" IN ('created', 'rejected')),
	CONSTRAINT "import_rows_row_number_check" CHECK ("import_rows"."row_number" >= 1)
);
--> statement-breakpoint
CREATE TABLE "worker_heartbeats" (
	"worker_name" text PRIMARY KEY NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"last_beat_at" timestamp with time zone NOT NULL,
	"host" text,
	"pid" integer,
	"version" text
);
--> statement-breakpoint
ALTER TABLE "client_api_keys" ADD CONSTRAINT "client_api_keys_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clients" ADD CONSTRAINT "clients_strategy_id_strategies_id_fk" FOREIGN KEY ("strategy_id") REFERENCES "public"."strategies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategies" ADD CONSTRAINT "strategies_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_points" ADD CONSTRAINT "contact_points_debtor_fk" FOREIGN KEY ("debtor_id","client_id") REFERENCES "public"."debtors"("id","client_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "debtors" ADD CONSTRAINT "debtors_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_strategy_id_strategies_id_fk" FOREIGN KEY ("strategy_id") REFERENCES "public"."strategies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_assigned_user_id_users_id_fk" FOREIGN KEY ("assigned_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_debtor_fk" FOREIGN KEY ("debtor_id","client_id") REFERENCES "public"."debtors"("id","client_id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_case_fk" FOREIGN KEY ("case_id","client_id") REFERENCES "public"."cases"("id","client_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_sessions" ADD CONSTRAINT "portal_sessions_case_fk" FOREIGN KEY ("case_id","client_id") REFERENCES "public"."cases"("id","client_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_claim_id_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."claims"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_reverses_entry_id_ledger_entries_id_fk" FOREIGN KEY ("reverses_entry_id") REFERENCES "public"."ledger_entries"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_case_fk" FOREIGN KEY ("case_id","client_id") REFERENCES "public"."cases"("id","client_id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_allocations" ADD CONSTRAINT "payment_allocations_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_case_fk" FOREIGN KEY ("case_id","client_id") REFERENCES "public"."cases"("id","client_id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "arrangements" ADD CONSTRAINT "arrangements_proposed_by_user_id_users_id_fk" FOREIGN KEY ("proposed_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "arrangements" ADD CONSTRAINT "arrangements_counter_of_id_arrangements_id_fk" FOREIGN KEY ("counter_of_id") REFERENCES "public"."arrangements"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "arrangements" ADD CONSTRAINT "arrangements_case_fk" FOREIGN KEY ("case_id","client_id") REFERENCES "public"."cases"("id","client_id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instalments" ADD CONSTRAINT "instalments_arrangement_id_arrangements_id_fk" FOREIGN KEY ("arrangement_id") REFERENCES "public"."arrangements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promises" ADD CONSTRAINT "promises_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promises" ADD CONSTRAINT "promises_case_fk" FOREIGN KEY ("case_id","client_id") REFERENCES "public"."cases"("id","client_id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_resolved_by_user_id_users_id_fk" FOREIGN KEY ("resolved_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_case_fk" FOREIGN KEY ("case_id","client_id") REFERENCES "public"."cases"("id","client_id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interactions" ADD CONSTRAINT "interactions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interactions" ADD CONSTRAINT "interactions_contact_point_id_contact_points_id_fk" FOREIGN KEY ("contact_point_id") REFERENCES "public"."contact_points"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interactions" ADD CONSTRAINT "interactions_message_id_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."messages"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interactions" ADD CONSTRAINT "interactions_case_fk" FOREIGN KEY ("case_id","client_id") REFERENCES "public"."cases"("id","client_id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_contact_point_id_contact_points_id_fk" FOREIGN KEY ("contact_point_id") REFERENCES "public"."contact_points"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_case_fk" FOREIGN KEY ("case_id","client_id") REFERENCES "public"."cases"("id","client_id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_case_fk" FOREIGN KEY ("case_id","client_id") REFERENCES "public"."cases"("id","client_id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_claim_id_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."claims"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_uploaded_by_user_id_users_id_fk" FOREIGN KEY ("uploaded_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_case_fk" FOREIGN KEY ("case_id","client_id") REFERENCES "public"."cases"("id","client_id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_agreements" ADD CONSTRAINT "fee_agreements_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "negotiation_policies" ADD CONSTRAINT "negotiation_policies_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "remittance_lines" ADD CONSTRAINT "remittance_lines_remittance_id_remittances_id_fk" FOREIGN KEY ("remittance_id") REFERENCES "public"."remittances"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "remittance_lines" ADD CONSTRAINT "remittance_lines_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "remittance_lines" ADD CONSTRAINT "remittance_lines_case_fk" FOREIGN KEY ("case_id","client_id") REFERENCES "public"."cases"("id","client_id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "remittances" ADD CONSTRAINT "remittances_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "remittances" ADD CONSTRAINT "remittances_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalations" ADD CONSTRAINT "escalations_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalations" ADD CONSTRAINT "escalations_dossier_document_id_documents_id_fk" FOREIGN KEY ("dossier_document_id") REFERENCES "public"."documents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalations" ADD CONSTRAINT "escalations_case_fk" FOREIGN KEY ("case_id","client_id") REFERENCES "public"."cases"("id","client_id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_batches" ADD CONSTRAINT "import_batches_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_batches" ADD CONSTRAINT "import_batches_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_rows" ADD CONSTRAINT "import_rows_batch_id_import_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."import_batches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_rows" ADD CONSTRAINT "import_rows_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_rows" ADD CONSTRAINT "import_rows_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "client_api_keys_client_idx" ON "client_api_keys" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "strategies_client_jurisdiction_idx" ON "strategies" USING btree ("client_id","jurisdiction");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_expires_at_idx" ON "sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "users_client_idx" ON "users" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "users_team_idx" ON "users" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "contact_points_debtor_idx" ON "contact_points" USING btree ("debtor_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "contact_points_primary_key" ON "contact_points" USING btree ("debtor_id","kind") WHERE "contact_points"."is_primary";--> statement-breakpoint
CREATE INDEX "contact_points_value_search_idx" ON "contact_points" USING btree (lower("value") text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "debtors_client_external_ref_key" ON "debtors" USING btree ("client_id","external_ref") WHERE "debtors"."external_ref" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "debtors_last_name_search_idx" ON "debtors" USING btree (lower("last_name") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "debtors_company_name_search_idx" ON "debtors" USING btree (lower("company_name") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "cases_queue_team_idx" ON "cases" USING btree ("team_id","priority_score" DESC NULLS LAST,"next_action_on") WHERE "cases"."stage" <> 'closed';--> statement-breakpoint
CREATE INDEX "cases_queue_assignee_idx" ON "cases" USING btree ("assigned_user_id","priority_score" DESC NULLS LAST,"next_action_on") WHERE "cases"."stage" <> 'closed';--> statement-breakpoint
CREATE INDEX "cases_next_action_idx" ON "cases" USING btree ("next_action_on") WHERE "cases"."stage" <> 'closed';--> statement-breakpoint
CREATE INDEX "cases_review_due_idx" ON "cases" USING btree ("review_due_on") WHERE "cases"."stage" <> 'closed';--> statement-breakpoint
CREATE INDEX "cases_client_placed_idx" ON "cases" USING btree ("client_id","placed_on");--> statement-breakpoint
CREATE INDEX "cases_debtor_idx" ON "cases" USING btree ("debtor_id");--> statement-breakpoint
CREATE INDEX "claims_case_idx" ON "claims" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "claims_invoice_search_idx" ON "claims" USING btree (lower("invoice_number") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "portal_sessions_case_idx" ON "portal_sessions" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "portal_sessions_expires_at_idx" ON "portal_sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_entries_reverses_key" ON "ledger_entries" USING btree ("reverses_entry_id") WHERE "ledger_entries"."reverses_entry_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "ledger_entries_case_idx" ON "ledger_entries" USING btree ("case_id","effective_on");--> statement-breakpoint
CREATE INDEX "ledger_entries_client_effective_idx" ON "ledger_entries" USING btree ("client_id","effective_on");--> statement-breakpoint
CREATE INDEX "ledger_entries_payment_idx" ON "ledger_entries" USING btree ("payment_id") WHERE "ledger_entries"."payment_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "payments_case_idx" ON "payments" USING btree ("case_id","received_at");--> statement-breakpoint
CREATE INDEX "payments_client_received_idx" ON "payments" USING btree ("client_id","received_at");--> statement-breakpoint
CREATE UNIQUE INDEX "arrangements_one_live_per_case_key" ON "arrangements" USING btree ("case_id") WHERE "arrangements"."status" IN ('accepted', 'active');--> statement-breakpoint
CREATE INDEX "arrangements_case_idx" ON "arrangements" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE INDEX "arrangements_pending_idx" ON "arrangements" USING btree ("created_at") WHERE "arrangements"."status" IN ('proposed', 'countered');--> statement-breakpoint
CREATE INDEX "instalments_due_idx" ON "instalments" USING btree ("due_on") WHERE "instalments"."status" IN ('scheduled', 'partially_paid');--> statement-breakpoint
CREATE INDEX "promises_case_idx" ON "promises" USING btree ("case_id","due_on");--> statement-breakpoint
CREATE INDEX "promises_due_idx" ON "promises" USING btree ("due_on") WHERE "promises"."status" = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "disputes_one_open_per_case_key" ON "disputes" USING btree ("case_id") WHERE "disputes"."status" = 'open';--> statement-breakpoint
CREATE INDEX "disputes_case_idx" ON "disputes" USING btree ("case_id","opened_at");--> statement-breakpoint
CREATE INDEX "disputes_open_idx" ON "disputes" USING btree ("opened_at") WHERE "disputes"."status" = 'open';--> statement-breakpoint
CREATE INDEX "interactions_case_idx" ON "interactions" USING btree ("case_id","occurred_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "interactions_user_idx" ON "interactions" USING btree ("user_id","occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "messages_provider_message_id_key" ON "messages" USING btree ("provider","provider_message_id") WHERE "messages"."provider_message_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "messages_outbox_idx" ON "messages" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "messages_case_idx" ON "messages" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE INDEX "messages_created_idx" ON "messages" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "notes_case_idx" ON "notes" USING btree ("case_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "documents_case_idx" ON "documents" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE INDEX "documents_client_kind_idx" ON "documents" USING btree ("client_id","kind");--> statement-breakpoint
CREATE INDEX "remittance_lines_remittance_idx" ON "remittance_lines" USING btree ("remittance_id");--> statement-breakpoint
CREATE UNIQUE INDEX "escalations_one_open_key" ON "escalations" USING btree ("case_id","kind") WHERE "escalations"."status" = 'open';--> statement-breakpoint
CREATE INDEX "escalations_due_idx" ON "escalations" USING btree ("kind","due_on") WHERE "escalations"."status" = 'open';--> statement-breakpoint
CREATE INDEX "escalations_client_idx" ON "escalations" USING btree ("client_id","status");--> statement-breakpoint
CREATE INDEX "audit_events_case_idx" ON "audit_events" USING btree ("case_id","occurred_at") WHERE "audit_events"."case_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "audit_events_client_idx" ON "audit_events" USING btree ("client_id","occurred_at") WHERE "audit_events"."client_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "audit_events_entity_idx" ON "audit_events" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "import_batches_client_idx" ON "import_batches" USING btree ("client_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "import_rows_batch_idx" ON "import_rows" USING btree ("batch_id","row_number");