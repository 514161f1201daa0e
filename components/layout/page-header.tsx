export function PageHeader({ title, lead }: { title: string; lead?: string }) {
  return (
    <div className="mb-6">
      <h1 className="text-2xl font-semibold">{title}</h1>
      {lead && <p className="mt-1 text-slate-600">{lead}</p>}
    </div>
  );
}
