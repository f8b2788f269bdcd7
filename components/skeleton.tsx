// A stand-in of the same size as the widget it stands for, so nothing shifts when it arrives.
export function Skeleton({ height, label }: { height: number; label: string }) {
  return <div role="status" aria-label={`Loading ${label}`} className="animate-pulse rounded-lg bg-zinc-100 dark:bg-zinc-900" style={{ height }} />;
}
