-- Editor sessions kept on the server (issue 12): the cookie holds only a random id, whose hash is
-- looked up here, so signing out (or out everywhere) revokes a copied cookie at once. And sign-in
-- limits shared by every instance: failures counted per client address, per account and per
-- recognised device, with exponential back-off.

CREATE TABLE "editor_sessions" (
    "id_hash" TEXT NOT NULL,
    "device" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "editor_sessions_pkey" PRIMARY KEY ("id_hash")
);

CREATE INDEX "editor_sessions_expires_at_idx" ON "editor_sessions"("expires_at");

CREATE TABLE "sign_in_limits" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "blocked_until" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sign_in_limits_pkey" PRIMARY KEY ("key")
);
