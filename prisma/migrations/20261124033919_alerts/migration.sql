-- CreateEnum
CREATE TYPE "AlertKind" AS ENUM ('stock_out', 'low_stock', 'anomaly');

-- CreateEnum
CREATE TYPE "AlertStatus" AS ENUM ('open', 'acknowledged', 'resolved');

-- CreateEnum
CREATE TYPE "AlertDirection" AS ENUM ('drops', 'spikes', 'both');

-- CreateTable
CREATE TABLE "alert" (
    "id" BIGSERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "kind" "AlertKind" NOT NULL,
    "status" "AlertStatus" NOT NULL DEFAULT 'open',
    "day" DATE NOT NULL,
    "metric" TEXT,
    "scope_type" TEXT NOT NULL,
    "scope_value" TEXT,
    "observed" DECIMAL(18,4),
    "expected" DECIMAL(18,4),
    "expected_low" DECIMAL(18,4),
    "expected_high" DECIMAL(18,4),
    "context" JSONB,
    "run_id" BIGINT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acknowledged_at" TIMESTAMPTZ(3),
    "acknowledged_by" UUID,
    "ack_comment" TEXT,
    "resolved_at" TIMESTAMPTZ(3),
    "resolved_by" UUID,
    "resolve_comment" TEXT,

    CONSTRAINT "alert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert_threshold" (
    "metric" TEXT NOT NULL,
    "scope_type" TEXT NOT NULL,
    "scope_value" TEXT NOT NULL DEFAULT '',
    "sensitivity" DOUBLE PRECISION,
    "min_abs_change" DECIMAL(18,4),
    "min_rel_change" DOUBLE PRECISION,
    "direction" "AlertDirection",
    "min_history_days" INTEGER,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_by" UUID,

    CONSTRAINT "alert_threshold_pkey" PRIMARY KEY ("metric","scope_type","scope_value")
);

-- CreateTable
CREATE TABLE "stock_threshold" (
    "sku" TEXT NOT NULL,
    "min_available" INTEGER NOT NULL,

    CONSTRAINT "stock_threshold_pkey" PRIMARY KEY ("sku")
);

-- CreateTable
CREATE TABLE "notification_preference" (
    "user_id" UUID NOT NULL,
    "daily_digest" BOOLEAN NOT NULL DEFAULT false,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "notification_preference_pkey" PRIMARY KEY ("user_id")
);

-- CreateTable
CREATE TABLE "notification_delivery" (
    "id" BIGSERIAL NOT NULL,
    "channel" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "alert_ids" BIGINT[],
    "ok" BOOLEAN NOT NULL,
    "error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notification_delivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "alert_key_key" ON "alert"("key");

-- CreateIndex
CREATE INDEX "alert_status_kind_idx" ON "alert"("status", "kind");

-- CreateIndex
CREATE INDEX "alert_created_at_idx" ON "alert"("created_at");

-- CreateIndex
CREATE INDEX "notification_delivery_created_at_idx" ON "notification_delivery"("created_at");
