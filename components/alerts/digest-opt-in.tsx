"use client";
// The user's own switch for the morning digest email (PUT /api/v1/me/notifications).
import { useState } from "react";
import type { AlertLabels } from "@/lib/i18n/areas/alerts";

export function DigestOptIn({ initial, t }: { initial: boolean; t: AlertLabels["digest"] }) {
  const [on, setOn] = useState(initial);
  const [saved, setSaved] = useState(false);
  const change = async (value: boolean) => {
    setOn(value);
    const res = await fetch("/api/v1/me/notifications", { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ dailyDigest: value }) });
    setSaved(res.ok);
  };
  return (
    <p className="mb-4 text-sm">
      <label>
        <input type="checkbox" checked={on} onChange={(e) => change(e.target.checked)} className="mr-2" />
        {t.label}
      </label>
      {saved && <span role="status" className="ml-2 text-slate-600">{t.saved}</span>}
    </p>
  );
}
