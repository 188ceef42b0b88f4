import { Fragment } from 'react';

/**
 * Fund names are codes without spaces (FPV_BTG_PACTUAL_RECAUDADORA): a line may break after each
 * `_` or `-` (<wbr>), so a narrow column wraps at word-like boundaries instead of mid-word.
 */
export function FundName({
  name,
  className,
}: {
  readonly name: string;
  readonly className?: string;
}) {
  const parts = name.split(/(?<=[_-])/);
  return (
    <span className={`fund-name ${className ?? ''}`}>
      {parts.map((part, index) => (
        <Fragment key={index}>
          {index > 0 && <wbr />}
          {part}
        </Fragment>
      ))}
    </span>
  );
}
