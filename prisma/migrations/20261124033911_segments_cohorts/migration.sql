-- CreateTable
CREATE TABLE "gold_customer_segment_monthly" (
    "month" DATE NOT NULL,
    "customer_id" TEXT NOT NULL,
    "as_of" DATE NOT NULL,
    "recency_days" INTEGER NOT NULL,
    "frequency" INTEGER NOT NULL,
    "monetary" DECIMAL(16,2) NOT NULL,
    "r" SMALLINT NOT NULL,
    "f" SMALLINT NOT NULL,
    "m" SMALLINT NOT NULL,
    "segment" TEXT NOT NULL,

    CONSTRAINT "gold_customer_segment_monthly_pkey" PRIMARY KEY ("month","customer_id")
);

-- CreateTable
CREATE TABLE "gold_cohort_monthly" (
    "cohort_month" DATE NOT NULL,
    "month_index" INTEGER NOT NULL,
    "cohort_size" INTEGER NOT NULL,
    "active_customers" INTEGER NOT NULL,
    "revenue" DECIMAL(16,2) NOT NULL,
    "cumulative_revenue" DECIMAL(16,2) NOT NULL,

    CONSTRAINT "gold_cohort_monthly_pkey" PRIMARY KEY ("cohort_month","month_index")
);

-- CreateIndex
CREATE INDEX "gold_customer_segment_monthly_month_segment_idx" ON "gold_customer_segment_monthly"("month", "segment");
