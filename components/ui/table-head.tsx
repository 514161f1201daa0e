// The header row every data table here shares: column headers with their scope, one style.
export function TableHead({ columns, cellClassName = "px-3 py-2" }: { columns: React.ReactNode[]; cellClassName?: string }) {
  return (
    <thead className="bg-slate-50 text-slate-600">
      <tr>
        {columns.map((label, i) => (
          <th key={i} scope="col" className={cellClassName}>
            {label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
