-- Each published version keeps the configuration document it was published from, so the console
-- can discard a draft: make the working configuration equal to the live version again.
ALTER TABLE "PolicyVersion" ADD COLUMN "document" JSONB;
