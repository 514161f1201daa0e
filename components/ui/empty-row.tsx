// The row a data table shows instead of its rows when it has none, across all its columns.
export function EmptyRow({ columns, children }: { columns: number; children: React.ReactNode }) {
  return (
    <tr>
      <td colSpan={columns} className="px-3 py-3 text-slate-500">
        {children}
      </td>
    </tr>
  );
}
