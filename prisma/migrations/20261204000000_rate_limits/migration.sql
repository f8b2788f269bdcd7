-- Request counts per client and fixed window, shared by every app instance (lib/http/rate-limit.ts).
-- Unlogged: a crash may forget the current minute's counts, which costs nothing, and the counter
-- written on every limited request skips the WAL (and so is not replicated to read replicas,
-- which never read it).
CREATE UNLOGGED TABLE "rate_limits" (
    "key" TEXT NOT NULL,
    "window_start" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "rate_limits_pkey" PRIMARY KEY ("key")
);

CREATE INDEX "rate_limits_window_start_idx" ON "rate_limits"("window_start");
