-- CreateTable
CREATE TABLE "silver_web_session_days" (
    "event_date" DATE NOT NULL,
    "session_id" TEXT NOT NULL,
    "first_ts" TIMESTAMPTZ(3) NOT NULL,
    "utm_source" TEXT,
    "utm_campaign" TEXT,
    "viewed" BOOLEAN NOT NULL,
    "carted" BOOLEAN NOT NULL,
    "checked_out" BOOLEAN NOT NULL,
    "purchased" BOOLEAN NOT NULL,
    "events" INTEGER NOT NULL,
    "purchase_orders" TEXT[],

    CONSTRAINT "silver_web_session_days_pkey" PRIMARY KEY ("event_date","session_id")
);
