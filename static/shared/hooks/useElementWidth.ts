import { type RefObject, useLayoutEffect, useState } from 'react';

/** The element's content width in CSS pixels, followed as it changes (the frame resized, a narrow screen); `initial` until measured. */
export function useElementWidth(element: RefObject<HTMLElement | null>, initial: number): number {
  const [width, setWidth] = useState(initial);
  useLayoutEffect(() => {
    const target = element.current;
    if (target === null) return;
    setWidth(Math.round(target.getBoundingClientRect().width));
    const observer = new ResizeObserver(([entry]) => {
      if (entry !== undefined) setWidth(Math.round(entry.contentRect.width));
    });
    observer.observe(target);
    return () => observer.disconnect();
  }, [element]);
  return width;
}
