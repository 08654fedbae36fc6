-- CreateTable
CREATE TABLE "LadderRating" (
    "game" TEXT NOT NULL,
    "pool" TEXT NOT NULL,
    "player" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "mu" DOUBLE PRECISION NOT NULL,
    "sigma" DOUBLE PRECISION NOT NULL,
    "ordinal" DOUBLE PRECISION NOT NULL,
    "matches" INTEGER NOT NULL,
    "provisional" BOOLEAN NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LadderRating_pkey" PRIMARY KEY ("game","pool","player")
);

-- CreateTable
CREATE TABLE "LadderMatch" (
    "matchId" TEXT NOT NULL,
    "game" TEXT NOT NULL,
    "scoring" TEXT,
    "scores" JSONB NOT NULL,
    "ratedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LadderMatch_pkey" PRIMARY KEY ("matchId")
);

-- CreateIndex
CREATE INDEX "LadderRating_game_pool_ordinal_idx" ON "LadderRating"("game", "pool", "ordinal");

-- CreateIndex
CREATE INDEX "LadderRating_name_idx" ON "LadderRating"("name");

