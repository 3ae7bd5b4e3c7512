CREATE TABLE "portal_links" (
	"id" text PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"message_id" uuid,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"last_used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "portal_links_id_sha256_check" CHECK ("portal_links"."id" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
CREATE TABLE "portal_one_time_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"contact_point_id" uuid,
	"code_hash" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"consumed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "portal_one_time_codes_attempts_check" CHECK ("portal_one_time_codes"."attempts" >= 0)
);
--> statement-breakpoint
ALTER TABLE "portal_links" ADD CONSTRAINT "portal_links_case_fk" FOREIGN KEY ("case_id","client_id") REFERENCES "public"."cases"("id","client_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_one_time_codes" ADD CONSTRAINT "portal_one_time_codes_case_fk" FOREIGN KEY ("case_id","client_id") REFERENCES "public"."cases"("id","client_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "portal_links_case_idx" ON "portal_links" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "portal_one_time_codes_case_idx" ON "portal_one_time_codes" USING btree ("case_id","created_at" DESC NULLS LAST);