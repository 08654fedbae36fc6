-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Agent" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "config" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Agent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Match" (
    "id" TEXT NOT NULL,
    "game" TEXT NOT NULL,
    "params" JSONB NOT NULL,
    "seed" BIGINT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'running',
    "returns" JSONB,
    "settings" JSONB,
    "tournamentId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "finalStateHash" TEXT,
    "eventCount" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Match_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Seat" (
    "matchId" TEXT NOT NULL,
    "seat" INTEGER NOT NULL,
    "agentId" INTEGER NOT NULL,

    CONSTRAINT "Seat_pkey" PRIMARY KEY ("matchId","seat")
);

-- CreateTable
CREATE TABLE "Event" (
    "matchId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Event_pkey" PRIMARY KEY ("matchId","seq")
);

-- CreateTable
CREATE TABLE "ModelCall" (
    "id" BIGSERIAL NOT NULL,
    "matchId" TEXT NOT NULL,
    "seat" INTEGER NOT NULL,
    "actionSeq" INTEGER NOT NULL,
    "provider" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "prompt" JSONB NOT NULL,
    "reply" TEXT,
    "tokensIn" INTEGER NOT NULL,
    "tokensOut" INTEGER NOT NULL,
    "latencyMs" DOUBLE PRECISION NOT NULL,
    "costUsd" DOUBLE PRECISION NOT NULL,
    "attempt" INTEGER NOT NULL,
    "error" TEXT,
    "parsed" JSONB,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ModelCall_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Tournament" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "spec" JSONB NOT NULL,
    "status" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Tournament_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Rating" (
    "id" SERIAL NOT NULL,
    "tournamentId" TEXT,
    "agentName" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "rating" DOUBLE PRECISION NOT NULL,
    "lo" DOUBLE PRECISION,
    "hi" DOUBLE PRECISION,
    "matches" INTEGER NOT NULL,
    "provisional" BOOLEAN NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Rating_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Analysis" (
    "id" SERIAL NOT NULL,
    "matchId" TEXT,
    "tournamentId" TEXT,
    "kind" TEXT NOT NULL,
    "result" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Analysis_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Agent_name_key" ON "Agent"("name");

-- CreateIndex
CREATE INDEX "Match_createdAt_idx" ON "Match"("createdAt");

-- CreateIndex
CREATE INDEX "Match_game_createdAt_idx" ON "Match"("game", "createdAt");

-- CreateIndex
CREATE INDEX "Match_status_createdAt_idx" ON "Match"("status", "createdAt");

-- CreateIndex
CREATE INDEX "Match_tournamentId_createdAt_idx" ON "Match"("tournamentId", "createdAt");

-- CreateIndex
CREATE INDEX "Seat_agentId_idx" ON "Seat"("agentId");

-- CreateIndex
CREATE INDEX "Event_matchId_kind_seq_idx" ON "Event"("matchId", "kind", "seq");

-- CreateIndex
CREATE INDEX "ModelCall_matchId_id_idx" ON "ModelCall"("matchId", "id");

-- CreateIndex
CREATE INDEX "ModelCall_provider_model_idx" ON "ModelCall"("provider", "model");

-- CreateIndex
CREATE INDEX "Tournament_status_createdAt_idx" ON "Tournament"("status", "createdAt");

-- CreateIndex
CREATE INDEX "Rating_tournamentId_method_rating_idx" ON "Rating"("tournamentId", "method", "rating");

-- CreateIndex
CREATE INDEX "Rating_agentName_method_idx" ON "Rating"("agentName", "method");

-- CreateIndex
CREATE INDEX "Analysis_matchId_kind_idx" ON "Analysis"("matchId", "kind");

-- CreateIndex
CREATE INDEX "Analysis_tournamentId_kind_idx" ON "Analysis"("tournamentId", "kind");

-- AddForeignKey
ALTER TABLE "Seat" ADD CONSTRAINT "Seat_matchId_fkey" FOREIGN KEY ("matchId") REFERENCES "Match"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Seat" ADD CONSTRAINT "Seat_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "Agent"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_matchId_fkey" FOREIGN KEY ("matchId") REFERENCES "Match"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModelCall" ADD CONSTRAINT "ModelCall_matchId_fkey" FOREIGN KEY ("matchId") REFERENCES "Match"("id") ON DELETE CASCADE ON UPDATE CASCADE;

