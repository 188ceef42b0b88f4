import { useEffect, useRef, type ReactNode } from 'react';

interface PageProps {
  readonly title: string;
  /** A visible subtitle under the heading. */
  readonly lead?: ReactNode;
  /** Buttons on the heading's right (e.g. "Crear fondo"). */
  readonly actions?: ReactNode;
  readonly children: ReactNode;
}

let firstScreenShown = false;

/**
 * Every screen's frame: the document title, one h1 that receives focus when the screen opens
 * (a screen-reader user hears where they landed; the next Tab continues from there).
 */
export function Page({ title, lead, actions, children }: PageProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · BTG Fondos`;
    // On the first screen the document start is the right place (Tab → "Saltar al contenido");
    // after that, each screen change lands on its title.
    if (firstScreenShown) heading.current?.focus({ preventScroll: false });
    firstScreenShown = true;
  }, [title]);
  return (
    <>
      <div className="page-head">
        <div>
          <h1 ref={heading} tabIndex={-1}>
            {title}
          </h1>
          {lead !== undefined && <p className="lead">{lead}</p>}
        </div>
        {actions !== undefined && <div className="page-actions">{actions}</div>}
      </div>
      {children}
    </>
  );
}
