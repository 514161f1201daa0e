-- CreateTable
CREATE TABLE "gold_forecast" (
    "metric" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "point" DECIMAL(16,2) NOT NULL,
    "lower_80" DECIMAL(16,2) NOT NULL,
    "upper_80" DECIMAL(16,2) NOT NULL,
    "lower_95" DECIMAL(16,2) NOT NULL,
    "upper_95" DECIMAL(16,2) NOT NULL,

    CONSTRAINT "gold_forecast_pkey" PRIMARY KEY ("metric","scope","day")
);

-- CreateTable
CREATE TABLE "gold_forecast_accuracy" (
    "metric" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "last_actual_day" DATE NOT NULL,
    "history_days" INTEGER NOT NULL,
    "origins" INTEGER NOT NULL,
    "mase_7" DECIMAL(8,3) NOT NULL,
    "naive_mase_7" DECIMAL(8,3) NOT NULL,
    "mase_30" DECIMAL(8,3) NOT NULL,
    "naive_mase_30" DECIMAL(8,3) NOT NULL,
    "coverage_80" DECIMAL(5,3) NOT NULL,

    CONSTRAINT "gold_forecast_accuracy_pkey" PRIMARY KEY ("metric","scope")
);

-- CreateTable
CREATE TABLE "gold_promo_uplift" (
    "promo_id" TEXT NOT NULL,
    "first_day" DATE NOT NULL,
    "last_day" DATE NOT NULL,
    "actual_units" INTEGER NOT NULL,
    "baseline_units" DECIMAL(14,2) NOT NULL,
    "uplift" DECIMAL(10,4) NOT NULL,
    "lower_95" DECIMAL(10,4),
    "upper_95" DECIMAL(10,4),
    "placebos" INTEGER NOT NULL,

    CONSTRAINT "gold_promo_uplift_pkey" PRIMARY KEY ("promo_id")
);
