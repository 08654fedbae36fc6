-- The agent memory a model call left behind (diary, summaries, goals, relationships, trust ledger).
ALTER TABLE "ModelCall" ADD COLUMN "memory" JSONB;
