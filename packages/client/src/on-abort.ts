// One 'abort' listener on a caller's signal, however many calls follow it at once: a signal
// shared by many calls (an application's shutdown signal, say) would otherwise get one a
// call, and Node 20 warns of a leak past ten. Once no call follows it, it has none.

interface Followed {
  /** What each call following the signal calls once it aborts. */
  followers: Set<() => void>;
  /** The one listener, which calls them. */
  listener: () => void;
}

const followed = new WeakMap<AbortSignal, Followed>();

/** Calls `then` once `signal` aborts (it has not yet); returns what stops that. */
export function onAbort(signal: AbortSignal, then: () => void): () => void {
  let entry = followed.get(signal);
  if (!entry) {
    const followers = new Set<() => void>();
    const listener = () => {
      followed.delete(signal);
      for (const follower of followers) follower();
    };
    entry = { followers, listener };
    followed.set(signal, entry);
    signal.addEventListener('abort', listener, { once: true });
  }
  const { followers, listener } = entry;
  const follower = () => then();
  followers.add(follower);
  return () => {
    followers.delete(follower);
    if (followers.size > 0 || followed.get(signal) !== entry) return;
    followed.delete(signal);
    signal.removeEventListener('abort', listener);
  };
}
