-- Demo matches (what `npm start` plays so there is something to watch) are marked with the demo
-- table they belong to, so lists, agent pages and ratings can leave them out and old ones can be
-- pruned without touching anyone's own matches.
ALTER TABLE "Match" ADD COLUMN "demo" TEXT;

CREATE INDEX "Match_demo_createdAt_idx" ON "Match"("demo", "createdAt");
