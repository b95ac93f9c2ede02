-- Each checkpoint keeps the public key it was signed with (X.509), so checkpoints signed before a
-- key rotation stay self-describing. Rows from before this column name their key by key_id only.
ALTER TABLE audit_checkpoint ADD COLUMN public_key VARBINARY(128);
