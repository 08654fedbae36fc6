-- AlterTable
ALTER TABLE "LadderRating" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;
