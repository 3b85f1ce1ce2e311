export type Tile = { label: string; value: string; hint?: string };

/** Headline figures: a definition list, so each figure is read with its name. */
export function ReportTiles({ tiles, label }: { tiles: Tile[]; label: string }) {
  return (
    <dl aria-label={label} className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-4 xl:grid-cols-7">
      {tiles.map((tile) => (
        <div
          key={tile.label}
          className="flex min-w-0 flex-col rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900"
        >
          <dt className="text-xs font-medium text-slate-600 dark:text-slate-300">{tile.label}</dt>
          <dd className="order-first text-xl font-semibold tabular-nums sm:text-2xl" data-tile={tile.label}>
            {tile.value}
          </dd>
          {tile.hint ? <dd className="text-xs text-slate-500 dark:text-slate-400">{tile.hint}</dd> : null}
        </div>
      ))}
    </dl>
  );
}
