"use client";
// Removes one admin threshold row (the defaults apply again).
import { useRouter } from "next/navigation";

export function ThresholdDeleteButton({ metric, scopeType, scopeValue, label }: { metric: string; scopeType: string; scopeValue: string; label: string }) {
  const router = useRouter();
  const remove = async () => {
    const q = new URLSearchParams({ metric, scopeType, scopeValue });
    if ((await fetch(`/api/v1/alert-thresholds?${q}`, { method: "DELETE" })).ok) router.refresh();
  };
  return (
    <button type="button" onClick={remove} className="text-sm text-red-700 underline">
      {label}
    </button>
  );
}
