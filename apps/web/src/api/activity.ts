/**
 * When the client last talked to the server. The server's idle timeout is counted from the
 * last authenticated request, so the client-side warning timer follows the same clock.
 */
type Listener = (at: number) => void;

let lastRequestAt = Date.now();
const listeners = new Set<Listener>();

export function markServerActivity(at: number = Date.now()): void {
  lastRequestAt = at;
  for (const listener of listeners) listener(at);
}

export function getLastServerActivity(): number {
  return lastRequestAt;
}

export function subscribeServerActivity(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
