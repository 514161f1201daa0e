-- CreateEnum
CREATE TYPE "RunStatus" AS ENUM ('RUNNING', 'SUCCESS', 'FAILED');

-- AlterTable
ALTER TABLE "ingest_file" ADD COLUMN     "silver_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "ingest_reject" ADD COLUMN     "rule" TEXT;

-- CreateTable
CREATE TABLE "silver_customers" (
    "customer_id" TEXT NOT NULL,
    "email_hash" TEXT,
    "email_domain" TEXT,
    "country" TEXT NOT NULL,
    "city" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "marketing_opt_in" BOOLEAN NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "erased_at" TIMESTAMPTZ(3),
    "src_file_id" BIGINT NOT NULL,
    "src_line" INTEGER NOT NULL,

    CONSTRAINT "silver_customers_pkey" PRIMARY KEY ("customer_id")
);

-- CreateTable
CREATE TABLE "customer_pii" (
    "customer_id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "first_name" TEXT NOT NULL,
    "last_name" TEXT NOT NULL,

    CONSTRAINT "customer_pii_pkey" PRIMARY KEY ("customer_id")
);

-- CreateTable
CREATE TABLE "silver_products" (
    "sku" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "brand" TEXT NOT NULL,
    "unit_cost" DECIMAL(14,2) NOT NULL,
    "list_price" DECIMAL(14,2) NOT NULL,
    "active" BOOLEAN NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "src_file_id" BIGINT NOT NULL,
    "src_line" INTEGER NOT NULL,

    CONSTRAINT "silver_products_pkey" PRIMARY KEY ("sku")
);

-- CreateTable
CREATE TABLE "silver_product_versions" (
    "sku" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "unit_cost" DECIMAL(14,2) NOT NULL,
    "list_price" DECIMAL(14,2) NOT NULL,
    "active" BOOLEAN NOT NULL,

    CONSTRAINT "silver_product_versions_pkey" PRIMARY KEY ("sku","updated_at")
);

-- CreateTable
CREATE TABLE "silver_promotions" (
    "promo_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "value" DECIMAL(14,2) NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "scope_type" TEXT NOT NULL,
    "scope_value" TEXT,
    "src_file_id" BIGINT NOT NULL,
    "src_line" INTEGER NOT NULL,

    CONSTRAINT "silver_promotions_pkey" PRIMARY KEY ("promo_id")
);

-- CreateTable
CREATE TABLE "silver_orders" (
    "order_id" TEXT NOT NULL,
    "customer_id" TEXT NOT NULL,
    "ordered_at" TIMESTAMPTZ(3) NOT NULL,
    "order_date" DATE NOT NULL,
    "status" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "shipping_amount" DECIMAL(14,2) NOT NULL,
    "promo_code" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "src_file_id" BIGINT NOT NULL,
    "src_line" INTEGER NOT NULL,

    CONSTRAINT "silver_orders_pkey" PRIMARY KEY ("order_id")
);

-- CreateTable
CREATE TABLE "silver_order_lines" (
    "order_id" TEXT NOT NULL,
    "line_no" INTEGER NOT NULL,
    "sku" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "unit_price" DECIMAL(14,2) NOT NULL,
    "discount_amount" DECIMAL(14,2) NOT NULL,
    "src_file_id" BIGINT NOT NULL,
    "src_line" INTEGER NOT NULL,

    CONSTRAINT "silver_order_lines_pkey" PRIMARY KEY ("order_id","line_no")
);

-- CreateTable
CREATE TABLE "silver_payments" (
    "payment_id" TEXT NOT NULL,
    "order_id" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "amount" DECIMAL(14,2) NOT NULL,
    "status" TEXT NOT NULL,
    "processed_at" TIMESTAMPTZ(3) NOT NULL,
    "payment_date" DATE NOT NULL,
    "src_file_id" BIGINT NOT NULL,
    "src_line" INTEGER NOT NULL,

    CONSTRAINT "silver_payments_pkey" PRIMARY KEY ("payment_id")
);

-- CreateTable
CREATE TABLE "silver_returns" (
    "return_id" TEXT NOT NULL,
    "order_id" TEXT NOT NULL,
    "line_no" INTEGER NOT NULL,
    "sku" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "refund_amount" DECIMAL(14,2) NOT NULL,
    "reason" TEXT NOT NULL,
    "returned_at" TIMESTAMPTZ(3) NOT NULL,
    "return_date" DATE NOT NULL,
    "src_file_id" BIGINT NOT NULL,
    "src_line" INTEGER NOT NULL,

    CONSTRAINT "silver_returns_pkey" PRIMARY KEY ("return_id")
);

-- CreateTable
CREATE TABLE "silver_stock_snapshots" (
    "snapshot_date" DATE NOT NULL,
    "sku" TEXT NOT NULL,
    "warehouse" TEXT NOT NULL,
    "on_hand" INTEGER NOT NULL,
    "reserved" INTEGER NOT NULL,
    "src_file_id" BIGINT NOT NULL,
    "src_line" INTEGER NOT NULL,

    CONSTRAINT "silver_stock_snapshots_pkey" PRIMARY KEY ("snapshot_date","sku","warehouse")
);

-- CreateTable
CREATE TABLE "silver_web_events" (
    "event_date" DATE NOT NULL,
    "event_id" TEXT NOT NULL,
    "ts" TIMESTAMPTZ(3) NOT NULL,
    "session_id" TEXT NOT NULL,
    "anonymous_id" TEXT NOT NULL,
    "customer_id" TEXT,
    "type" TEXT NOT NULL,
    "sku" TEXT,
    "order_id" TEXT,
    "url" TEXT NOT NULL,
    "referrer" TEXT,
    "utm_source" TEXT,
    "utm_medium" TEXT,
    "utm_campaign" TEXT,
    "user_agent" TEXT NOT NULL,
    "ip_hash" TEXT NOT NULL,
    "ip_masked" TEXT NOT NULL,

    CONSTRAINT "silver_web_events_pkey" PRIMARY KEY ("event_date","event_id")
) PARTITION BY RANGE ("event_date");
-- One partition per day is created on demand by the pipeline (lib/pipeline/silver/silver-hooks.ts).


-- CreateTable
CREATE TABLE "gold_sales_daily" (
    "day" DATE NOT NULL,
    "channel" TEXT NOT NULL,
    "orders" INTEGER NOT NULL,
    "revenue" DECIMAL(16,2) NOT NULL,
    "discount" DECIMAL(16,2) NOT NULL,
    "shipping" DECIMAL(16,2) NOT NULL,
    "units" INTEGER NOT NULL,
    "cost" DECIMAL(16,2) NOT NULL,

    CONSTRAINT "gold_sales_daily_pkey" PRIMARY KEY ("day","channel")
);

-- CreateTable
CREATE TABLE "gold_product_daily" (
    "day" DATE NOT NULL,
    "sku" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "orders" INTEGER NOT NULL,
    "units" INTEGER NOT NULL,
    "revenue" DECIMAL(16,2) NOT NULL,
    "discount" DECIMAL(16,2) NOT NULL,
    "cost" DECIMAL(16,2) NOT NULL,
    "units_returned" INTEGER NOT NULL,

    CONSTRAINT "gold_product_daily_pkey" PRIMARY KEY ("day","sku","channel")
);

-- CreateTable
CREATE TABLE "gold_refunds_daily" (
    "day" DATE NOT NULL,
    "sku" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "refunds" DECIMAL(16,2) NOT NULL,
    "units_returned" INTEGER NOT NULL,

    CONSTRAINT "gold_refunds_daily_pkey" PRIMARY KEY ("day","sku","channel")
);

-- CreateTable
CREATE TABLE "gold_promo_orders_daily" (
    "day" DATE NOT NULL,
    "promo_code" TEXT NOT NULL,
    "orders" INTEGER NOT NULL,
    "revenue" DECIMAL(16,2) NOT NULL,
    "discount" DECIMAL(16,2) NOT NULL,

    CONSTRAINT "gold_promo_orders_daily_pkey" PRIMARY KEY ("day","promo_code")
);

-- CreateTable
CREATE TABLE "gold_stock_daily" (
    "day" DATE NOT NULL,
    "sku" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL,
    "on_hand" INTEGER NOT NULL,
    "available" INTEGER NOT NULL,
    "stockout" BOOLEAN NOT NULL,

    CONSTRAINT "gold_stock_daily_pkey" PRIMARY KEY ("day","sku")
);

-- CreateTable
CREATE TABLE "gold_web_daily" (
    "day" DATE NOT NULL,
    "utm_source" TEXT NOT NULL,
    "utm_campaign" TEXT NOT NULL,
    "sessions" INTEGER NOT NULL,
    "product_view_sessions" INTEGER NOT NULL,
    "cart_sessions" INTEGER NOT NULL,
    "checkout_sessions" INTEGER NOT NULL,
    "purchase_sessions" INTEGER NOT NULL,
    "events" INTEGER NOT NULL,

    CONSTRAINT "gold_web_daily_pkey" PRIMARY KEY ("day","utm_source","utm_campaign")
);

-- CreateTable
CREATE TABLE "gold_customer_value" (
    "customer_id" TEXT NOT NULL,
    "first_order_date" DATE NOT NULL,
    "cohort_month" DATE NOT NULL,
    "last_order_date" DATE NOT NULL,
    "orders" INTEGER NOT NULL,
    "revenue" DECIMAL(16,2) NOT NULL,
    "refunds" DECIMAL(16,2) NOT NULL,
    "clv" DECIMAL(16,2) NOT NULL,

    CONSTRAINT "gold_customer_value_pkey" PRIMARY KEY ("customer_id")
);

-- CreateTable
CREATE TABLE "pipeline_run" (
    "id" BIGSERIAL NOT NULL,
    "trigger" TEXT NOT NULL,
    "scope" JSONB NOT NULL,
    "status" "RunStatus" NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    "quality_gate" TEXT,
    "error" TEXT,

    CONSTRAINT "pipeline_run_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "pipeline_step" (
    "id" BIGSERIAL NOT NULL,
    "run_id" BIGINT NOT NULL,
    "name" TEXT NOT NULL,
    "status" "RunStatus" NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    "rows_in" BIGINT,
    "rows_out" BIGINT,
    "error" TEXT,

    CONSTRAINT "pipeline_step_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "quality_result" (
    "id" BIGSERIAL NOT NULL,
    "run_id" BIGINT NOT NULL,
    "rule_id" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "passed" BOOLEAN NOT NULL,
    "failing_rows" BIGINT NOT NULL,
    "details" TEXT,
    "checked_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "quality_result_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "gold_dirty" (
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,

    CONSTRAINT "gold_dirty_pkey" PRIMARY KEY ("kind","key")
);

-- CreateIndex
CREATE INDEX "silver_products_category_idx" ON "silver_products"("category");

-- CreateIndex
CREATE INDEX "silver_promotions_code_idx" ON "silver_promotions"("code");

-- CreateIndex
CREATE INDEX "silver_orders_order_date_idx" ON "silver_orders"("order_date");

-- CreateIndex
CREATE INDEX "silver_orders_customer_id_idx" ON "silver_orders"("customer_id");

-- CreateIndex
CREATE INDEX "silver_order_lines_sku_idx" ON "silver_order_lines"("sku");

-- CreateIndex
CREATE INDEX "silver_payments_order_id_idx" ON "silver_payments"("order_id");

-- CreateIndex
CREATE INDEX "silver_payments_payment_date_idx" ON "silver_payments"("payment_date");

-- CreateIndex
CREATE INDEX "silver_returns_order_id_idx" ON "silver_returns"("order_id");

-- CreateIndex
CREATE INDEX "silver_returns_return_date_idx" ON "silver_returns"("return_date");

-- CreateIndex
CREATE INDEX "gold_product_daily_sku_day_idx" ON "gold_product_daily"("sku", "day");

-- CreateIndex
CREATE INDEX "gold_customer_value_cohort_month_idx" ON "gold_customer_value"("cohort_month");

-- CreateIndex
CREATE INDEX "pipeline_run_started_at_idx" ON "pipeline_run"("started_at");

-- CreateIndex
CREATE INDEX "pipeline_step_run_id_idx" ON "pipeline_step"("run_id");

-- CreateIndex
CREATE INDEX "quality_result_run_id_idx" ON "quality_result"("run_id");

-- AddForeignKey
ALTER TABLE "pipeline_step" ADD CONSTRAINT "pipeline_step_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "pipeline_run"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quality_result" ADD CONSTRAINT "quality_result_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "pipeline_run"("id") ON DELETE CASCADE ON UPDATE CASCADE;
