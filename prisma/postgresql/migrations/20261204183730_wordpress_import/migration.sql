-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "legacyId" TEXT,
ADD COLUMN     "parentId" INTEGER;

-- AlterTable
ALTER TABLE "Media" ADD COLUMN     "sourceUrl" TEXT;

-- CreateTable
CREATE TABLE "LegacyAddress" (
    "path" TEXT NOT NULL,
    "articleId" INTEGER,
    "target" TEXT,

    CONSTRAINT "LegacyAddress_pkey" PRIMARY KEY ("path")
);

-- CreateIndex
CREATE INDEX "LegacyAddress_articleId_idx" ON "LegacyAddress"("articleId");

-- CreateIndex
CREATE INDEX "Comment_parentId_idx" ON "Comment"("parentId");

-- CreateIndex
CREATE UNIQUE INDEX "Comment_articleId_legacyId_key" ON "Comment"("articleId", "legacyId");

-- CreateIndex
CREATE UNIQUE INDEX "Media_sourceUrl_key" ON "Media"("sourceUrl");

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Comment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LegacyAddress" ADD CONSTRAINT "LegacyAddress_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;
