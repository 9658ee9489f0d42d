-- CreateIndex
CREATE INDEX "Article_deletedAt_publishedAt_idx" ON "Article"("deletedAt", "publishedAt");

-- CreateIndex
CREATE INDEX "Article_sectionId_deletedAt_publishedAt_idx" ON "Article"("sectionId", "deletedAt", "publishedAt");

-- CreateIndex
CREATE INDEX "Article_authorId_deletedAt_publishedAt_idx" ON "Article"("authorId", "deletedAt", "publishedAt");

-- CreateIndex
CREATE INDEX "Article_authorId_bylineLabel_deletedAt_publishedAt_idx" ON "Article"("authorId", "bylineLabel", "deletedAt", "publishedAt");
