-- AlterTable
ALTER TABLE "ingest_file" ADD COLUMN     "first_day" DATE,
ADD COLUMN     "last_day" DATE;

-- AlterTable
ALTER TABLE "bronze_web_events" ADD COLUMN     "anonymous_id" TEXT,
ADD COLUMN     "customer_id" TEXT,
ADD COLUMN     "event_id" TEXT,
ADD COLUMN     "ip" TEXT,
ADD COLUMN     "order_id" TEXT,
ADD COLUMN     "referrer" TEXT,
ADD COLUMN     "session_id" TEXT,
ADD COLUMN     "sku" TEXT,
ADD COLUMN     "ts" TEXT,
ADD COLUMN     "type" TEXT,
ADD COLUMN     "url" TEXT,
ADD COLUMN     "user_agent" TEXT,
ADD COLUMN     "utm_campaign" TEXT,
ADD COLUMN     "utm_medium" TEXT,
ADD COLUMN     "utm_source" TEXT,
ALTER COLUMN "line" DROP NOT NULL;
