-- CreateIndex
CREATE INDEX "Article_sectionId_publishedAt_id_idx" ON "Article"("sectionId", "publishedAt", "id");

-- CreateIndex
CREATE INDEX "Article_authorId_publishedAt_id_idx" ON "Article"("authorId", "publishedAt", "id");

-- CreateIndex
CREATE INDEX "Article_bylineLabel_publishedAt_id_idx" ON "Article"("bylineLabel", "publishedAt", "id");
