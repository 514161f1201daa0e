-- CreateTable
CREATE TABLE "saved_chart" (
    "id" BIGSERIAL NOT NULL,
    "user_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "query" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "saved_chart_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "saved_chart_user_id_idx" ON "saved_chart"("user_id");

-- AddForeignKey
ALTER TABLE "saved_chart" ADD CONSTRAINT "saved_chart_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
