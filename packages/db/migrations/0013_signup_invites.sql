CREATE TABLE "signup_invites" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"created_by" uuid,
	"email" text,
	"max_uses" integer DEFAULT 1 NOT NULL,
	"uses" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "signup_invites_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "signup_invites_uses_check" CHECK ("signup_invites"."uses" >= 0 and "signup_invites"."uses" <= "signup_invites"."max_uses"),
	CONSTRAINT "signup_invites_max_uses_check" CHECK ("signup_invites"."max_uses" >= 1)
);
--> statement-breakpoint
ALTER TABLE "signup_invites" ADD CONSTRAINT "signup_invites_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "signup_invites_created_by_idx" ON "signup_invites" USING btree ("created_by");