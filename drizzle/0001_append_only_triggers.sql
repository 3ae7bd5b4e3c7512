-- Append-only tables: the ledger (balances are sums of entries; corrections are new entries) and the
-- audit trail (hash-chained). drizzle-kit cannot express triggers, so they live in this custom migration.
-- Changing a row now needs a role that can disable triggers, and the audit hash chain shows it happened.
CREATE FUNCTION "forbid_update_delete"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'restrict_violation',
          HINT = 'Record a correcting entry instead of changing or deleting one.';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "ledger_entries_append_only"
  BEFORE UPDATE OR DELETE ON "ledger_entries"
  FOR EACH ROW EXECUTE FUNCTION "forbid_update_delete"();
--> statement-breakpoint
CREATE TRIGGER "audit_events_append_only"
  BEFORE UPDATE OR DELETE ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION "forbid_update_delete"();
