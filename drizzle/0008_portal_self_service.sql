CREATE TABLE "payment_mandates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"arrangement_id" uuid NOT NULL,
	"provider" text NOT NULL,
	"method" text NOT NULL,
	"provider_setup_id" text NOT NULL,
	"provider_customer_id" text,
	"provider_payment_method_id" text NOT NULL,
	"label" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "payment_mandates_provider_setup_key" UNIQUE("provider","provider_setup_id"),
	CONSTRAINT "payment_mandates_provider_check" CHECK ("payment_mandates"."provider" IN ('stripe', 'demo', 'bank_transfer', 'direct_to_creditor', 'manual')),
	CONSTRAINT "payment_mandates_method_check" CHECK ("payment_mandates"."method" IN ('card', 'sepa_debit')),
	CONSTRAINT "payment_mandates_status_check" CHECK ("payment_mandates"."status" IN ('active', 'revoked')),
	CONSTRAINT "payment_mandates_revoked_check" CHECK (("payment_mandates"."status" = 'revoked') = ("payment_mandates"."revoked_at" IS NOT NULL))
);
--> statement-breakpoint
ALTER TABLE "debtors" ADD COLUMN "preferred_channel" text;--> statement-breakpoint
ALTER TABLE "debtors" ADD COLUMN "preferred_contact_times" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "debtors" ADD COLUMN "preferences_updated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "instalments" ADD COLUMN "collection_requested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "instalments" ADD COLUMN "collection_error" text;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "dispute_id" uuid;--> statement-breakpoint
ALTER TABLE "payment_mandates" ADD CONSTRAINT "payment_mandates_arrangement_id_arrangements_id_fk" FOREIGN KEY ("arrangement_id") REFERENCES "public"."arrangements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_mandates" ADD CONSTRAINT "payment_mandates_case_fk" FOREIGN KEY ("case_id","client_id") REFERENCES "public"."cases"("id","client_id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "payment_mandates_one_active_key" ON "payment_mandates" USING btree ("arrangement_id") WHERE "payment_mandates"."status" = 'active';--> statement-breakpoint
CREATE INDEX "payment_mandates_case_idx" ON "payment_mandates" USING btree ("case_id");--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_dispute_id_disputes_id_fk" FOREIGN KEY ("dispute_id") REFERENCES "public"."disputes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "debtors" ADD CONSTRAINT "debtors_preferred_channel_check" CHECK ("debtors"."preferred_channel" IN ('email', 'sms', 'phone', 'letter'));--> statement-breakpoint
ALTER TABLE "debtors" ADD CONSTRAINT "debtors_preferred_contact_times_check" CHECK ("debtors"."preferred_contact_times" <@ ARRAY['morning', 'afternoon', 'evening']::text[]);