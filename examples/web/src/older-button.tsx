/** "Older": reads the next page of a list, while there is one. */
export function OlderButton({ hasMore, loadMore }: { readonly hasMore: boolean; readonly loadMore: () => Promise<void> }) {
  if (!hasMore) return null;
  return (
    <button type="button" className="small" onClick={() => void loadMore()}>
      Older
    </button>
  );
}
