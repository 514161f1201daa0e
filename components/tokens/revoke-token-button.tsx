"use client";
// Revokes one token through DELETE /api/v1/tokens/{id}, then refreshes the list.
import { useRouter } from "next/navigation";

export function RevokeTokenButton({ id, label }: { id: string; label: string }) {
  const router = useRouter();
  return (
    <button
      className="rounded border border-red-300 px-2 py-0.5 text-red-800 hover:bg-red-50"
      onClick={async () => {
        await fetch(`/api/v1/tokens/${id}`, { method: "DELETE" });
        router.refresh();
      }}
    >
      {label}
    </button>
  );
}
