-- CreateTable
CREATE TABLE "silver_web_retired_days" (
    "day" DATE NOT NULL,
    "sample_percent" SMALLINT NOT NULL,
    "retired_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "silver_web_retired_days_pkey" PRIMARY KEY ("day")
);
