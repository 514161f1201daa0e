-- CreateEnum
CREATE TYPE "IngestChannel" AS ENUM ('upload', 'push', 'inbox');

-- CreateEnum
CREATE TYPE "IngestStatus" AS ENUM ('processing', 'loaded', 'rejected', 'duplicate', 'failed');

-- CreateTable
CREATE TABLE "ingest_file" (
    "id" BIGSERIAL NOT NULL,
    "source" TEXT,
    "file_name" TEXT NOT NULL,
    "size_bytes" BIGINT NOT NULL,
    "sha256" TEXT NOT NULL,
    "channel" "IngestChannel" NOT NULL,
    "received_by_id" UUID,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    "status" "IngestStatus" NOT NULL,
    "duplicate_of_id" BIGINT,
    "encoding" TEXT,
    "compression" TEXT,
    "delimiter" TEXT,
    "decimal_separator" TEXT,
    "date_format" TEXT,
    "header" TEXT[],
    "columns" TEXT[],
    "mapping_id" BIGINT,
    "rows_read" INTEGER NOT NULL DEFAULT 0,
    "rows_loaded" INTEGER NOT NULL DEFAULT 0,
    "rows_rejected" INTEGER NOT NULL DEFAULT 0,
    "bytes_processed" BIGINT NOT NULL DEFAULT 0,
    "error" TEXT,

    CONSTRAINT "ingest_file_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ingest_reject" (
    "id" BIGSERIAL NOT NULL,
    "file_id" BIGINT NOT NULL,
    "line_no" INTEGER NOT NULL,
    "field" TEXT,
    "reason" TEXT NOT NULL,
    "raw" TEXT,

    CONSTRAINT "ingest_reject_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "column_mapping" (
    "id" BIGSERIAL NOT NULL,
    "source" TEXT NOT NULL,
    "header_signature" TEXT NOT NULL,
    "mapping" JSONB NOT NULL,
    "decimal_separator" TEXT,
    "date_format" TEXT,
    "created_by_id" UUID,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "column_mapping_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_token" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "scopes" TEXT[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    "last_used_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_token_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "bronze_customers" (
    "src_file_id" BIGINT NOT NULL,
    "src_line" INTEGER NOT NULL,
    "customer_id" TEXT,
    "email" TEXT,
    "first_name" TEXT,
    "last_name" TEXT,
    "country" TEXT,
    "city" TEXT,
    "created_at" TEXT,
    "marketing_opt_in" TEXT,
    "updated_at" TEXT
);

-- CreateTable
CREATE TABLE "bronze_products" (
    "src_file_id" BIGINT NOT NULL,
    "src_line" INTEGER NOT NULL,
    "sku" TEXT,
    "name" TEXT,
    "category" TEXT,
    "brand" TEXT,
    "unit_cost" TEXT,
    "list_price" TEXT,
    "active" TEXT,
    "updated_at" TEXT
);

-- CreateTable
CREATE TABLE "bronze_promotions" (
    "src_file_id" BIGINT NOT NULL,
    "src_line" INTEGER NOT NULL,
    "promo_id" TEXT,
    "name" TEXT,
    "code" TEXT,
    "kind" TEXT,
    "value" TEXT,
    "starts_at" TEXT,
    "ends_at" TEXT,
    "scope_type" TEXT,
    "scope_value" TEXT
);

-- CreateTable
CREATE TABLE "bronze_orders" (
    "src_file_id" BIGINT NOT NULL,
    "src_line" INTEGER NOT NULL,
    "order_id" TEXT,
    "customer_id" TEXT,
    "ordered_at" TEXT,
    "status" TEXT,
    "channel" TEXT,
    "currency" TEXT,
    "shipping_amount" TEXT,
    "promo_code" TEXT,
    "updated_at" TEXT
);

-- CreateTable
CREATE TABLE "bronze_order_lines" (
    "src_file_id" BIGINT NOT NULL,
    "src_line" INTEGER NOT NULL,
    "order_id" TEXT,
    "line_no" TEXT,
    "sku" TEXT,
    "quantity" TEXT,
    "unit_price" TEXT,
    "discount_amount" TEXT
);

-- CreateTable
CREATE TABLE "bronze_payments" (
    "src_file_id" BIGINT NOT NULL,
    "src_line" INTEGER NOT NULL,
    "payment_id" TEXT,
    "order_id" TEXT,
    "method" TEXT,
    "amount" TEXT,
    "status" TEXT,
    "processed_at" TEXT
);

-- CreateTable
CREATE TABLE "bronze_returns" (
    "src_file_id" BIGINT NOT NULL,
    "src_line" INTEGER NOT NULL,
    "return_id" TEXT,
    "order_id" TEXT,
    "line_no" TEXT,
    "sku" TEXT,
    "quantity" TEXT,
    "refund_amount" TEXT,
    "reason" TEXT,
    "returned_at" TEXT
);

-- CreateTable
CREATE TABLE "bronze_stock_snapshots" (
    "src_file_id" BIGINT NOT NULL,
    "src_line" INTEGER NOT NULL,
    "snapshot_date" TEXT,
    "sku" TEXT,
    "warehouse" TEXT,
    "on_hand" TEXT,
    "reserved" TEXT
);

-- CreateTable
CREATE TABLE "bronze_web_events" (
    "src_file_id" BIGINT NOT NULL,
    "src_line" INTEGER NOT NULL,
    "line" TEXT NOT NULL
);

-- CreateIndex
CREATE INDEX "ingest_file_sha256_idx" ON "ingest_file"("sha256");

-- CreateIndex
CREATE INDEX "ingest_file_received_at_idx" ON "ingest_file"("received_at");

-- CreateIndex
CREATE INDEX "ingest_reject_file_id_line_no_idx" ON "ingest_reject"("file_id", "line_no");

-- CreateIndex
CREATE UNIQUE INDEX "column_mapping_source_header_signature_key" ON "column_mapping"("source", "header_signature");

-- CreateIndex
CREATE UNIQUE INDEX "api_token_token_hash_key" ON "api_token"("token_hash");

-- CreateIndex
CREATE INDEX "api_token_user_id_idx" ON "api_token"("user_id");

-- CreateIndex
CREATE INDEX "bronze_customers_src_file_id_idx" ON "bronze_customers" USING BRIN ("src_file_id");

-- CreateIndex
CREATE INDEX "bronze_products_src_file_id_idx" ON "bronze_products" USING BRIN ("src_file_id");

-- CreateIndex
CREATE INDEX "bronze_promotions_src_file_id_idx" ON "bronze_promotions" USING BRIN ("src_file_id");

-- CreateIndex
CREATE INDEX "bronze_orders_src_file_id_idx" ON "bronze_orders" USING BRIN ("src_file_id");

-- CreateIndex
CREATE INDEX "bronze_order_lines_src_file_id_idx" ON "bronze_order_lines" USING BRIN ("src_file_id");

-- CreateIndex
CREATE INDEX "bronze_payments_src_file_id_idx" ON "bronze_payments" USING BRIN ("src_file_id");

-- CreateIndex
CREATE INDEX "bronze_returns_src_file_id_idx" ON "bronze_returns" USING BRIN ("src_file_id");

-- CreateIndex
CREATE INDEX "bronze_stock_snapshots_src_file_id_idx" ON "bronze_stock_snapshots" USING BRIN ("src_file_id");

-- CreateIndex
CREATE INDEX "bronze_web_events_src_file_id_idx" ON "bronze_web_events" USING BRIN ("src_file_id");

-- AddForeignKey
ALTER TABLE "ingest_file" ADD CONSTRAINT "ingest_file_received_by_id_fkey" FOREIGN KEY ("received_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ingest_file" ADD CONSTRAINT "ingest_file_duplicate_of_id_fkey" FOREIGN KEY ("duplicate_of_id") REFERENCES "ingest_file"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ingest_file" ADD CONSTRAINT "ingest_file_mapping_id_fkey" FOREIGN KEY ("mapping_id") REFERENCES "column_mapping"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ingest_reject" ADD CONSTRAINT "ingest_reject_file_id_fkey" FOREIGN KEY ("file_id") REFERENCES "ingest_file"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_token" ADD CONSTRAINT "api_token_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
