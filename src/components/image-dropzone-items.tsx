'use client';
import { useMemo, type ReactNode } from 'react';
import { isHttpUrl } from '../core/request/validate-request.js';
import type { ImageItem } from './internal/image-dropzone-types.js';
import { canRetry } from './internal/image-items.js';
import {
  ItemScope,
  useDropzone,
  useItem,
  type DropzoneContextValue,
} from './internal/image-dropzone-scope.js';
import { composeRefs } from './internal/merge-props.js';
import { flag, Part, part, type PartProps } from './internal/primitive.js';
import { ProgressBar, type ProgressBarProps } from './internal/progress-bar.js';

// The parts of the attached images' list: `ImageDropzone.Items`, `Item` and the parts of one item.

export const Items = /* @__PURE__ */ part<
  HTMLUListElement,
  Omit<PartProps<'ul'>, 'children'> & { children?: (item: ImageItem, index: number) => ReactNode }
>('ImageDropzone.Items', function Items({ children, asChild, ...props }, ref) {
  const { items } = useDropzone('Items');
  if (items.length === 0) return null;
  return (
    <Part
      tag="ul"
      asChild={asChild}
      aria-label="Attached images"
      data-value={items.length}
      {...props}
      ref={ref}
    >
      {items.map((item, index) =>
        children ? (
          <ItemProvider key={item.id} item={item} index={index}>
            {children(item, index)}
          </ItemProvider>
        ) : (
          <Item key={item.id} item={item} />
        ),
      )}
    </Part>
  );
});

function ItemProvider({
  item,
  index,
  children,
}: {
  item: ImageItem;
  index: number;
  children: ReactNode;
}) {
  return <ItemScope.Provider value={{ item, index }}>{children}</ItemScope.Provider>;
}

export const Item = /* @__PURE__ */ part<HTMLLIElement, PartProps<'li'> & { item: ImageItem }>(
  'ImageDropzone.Item',
  function Item({ item, asChild, children, ...props }, ref) {
    const { items, getItemProps } = useDropzone('Item');
    const index = items.findIndex((candidate) => candidate.id === item.id);
    return (
      <ItemScope.Provider value={{ item, index }}>
        <Part tag="li" asChild={asChild} {...getItemProps(item, { ...props, ref })}>
          {children ?? (
            <>
              <ItemPreview />
              <ItemName />
              <ItemProgress />
              <ItemError />
              <ItemMoveEarlier />
              <ItemMoveLater />
              <ItemRetry />
              <ItemCancel />
              <ItemRemove />
            </>
          )}
        </Part>
      </ItemScope.Provider>
    );
  },
);

/**
 * A ref that shows `file` in an `<img>` through an object URL living exactly as long as the element:
 * made when it mounts, revoked when it unmounts or shows another file (React 19 runs the returned
 * cleanup; React 18 calls the ref with `null`).
 */
function previewRef(file: File) {
  let url: string | null = null;
  const release = () => {
    if (url) URL.revokeObjectURL(url);
    url = null;
  };
  return (image: HTMLImageElement | null) => {
    release();
    if (!image) return;
    url = URL.createObjectURL(file);
    image.src = url;
    return release;
  };
}

export const ItemPreview = /* @__PURE__ */ part<
  HTMLImageElement,
  Omit<PartProps<'img'>, 'src' | 'asChild'>
>('ImageDropzone.ItemPreview', function ItemPreview(props, ref) {
  const { item } = useItem('ItemPreview');
  const { file } = item;
  const attach = useMemo(() => (file ? composeRefs(previewRef(file), ref) : ref), [file, ref]);
  const src = !file && isHttpUrl(item.url) ? item.url : undefined;
  return (
    <img
      alt={`Preview of ${item.name}`}
      {...props}
      ref={attach}
      src={src}
      data-state={item.status}
    />
  );
});

export const ItemName = /* @__PURE__ */ part<HTMLSpanElement, PartProps<'span'>>(
  'ImageDropzone.ItemName',
  function ItemName({ asChild, children, ...props }, ref) {
    const { item } = useItem('ItemName');
    return (
      <Part tag="span" asChild={asChild} {...props} ref={ref}>
        {children ?? item.name}
      </Part>
    );
  },
);

export const ItemProgress = /* @__PURE__ */ part<HTMLDivElement, ProgressBarProps>(
  'ImageDropzone.ItemProgress',
  function ItemProgress(props, ref) {
    const { item } = useItem('ItemProgress');
    if (item.status !== 'uploading') return null;
    return (
      <ProgressBar
        aria-label={`Uploading ${item.name}`}
        getValueLabel={(value) => `${value}% uploaded`}
        {...props}
        ref={ref}
        value={item.progress === null ? null : Math.round(item.progress * 100)}
        fraction={item.progress ?? 0}
      />
    );
  },
);

export const ItemError = /* @__PURE__ */ part<HTMLSpanElement, PartProps<'span'>>(
  'ImageDropzone.ItemError',
  function ItemError({ asChild, children, ...props }, ref) {
    const { item } = useItem('ItemError');
    if (!item.error) return null;
    return (
      <Part
        tag="span"
        asChild={asChild}
        data-code={item.error.code}
        data-upload-code={item.error.upload?.code ?? undefined}
        data-retryable={flag(canRetry(item))}
        {...props}
        ref={ref}
      >
        {children ?? item.error.message}
      </Part>
    );
  },
);

/** The buttons of one item: what they do, when they show, and their words. */
function itemButton(
  name: string,
  show: (item: ImageItem, context: DropzoneContextValue, index: number) => boolean,
  label: (name: string) => string,
  text: string,
  act: (context: DropzoneContextValue, item: ImageItem, index: number) => void,
  isDisabled?: (context: DropzoneContextValue, index: number) => boolean,
) {
  return part<HTMLButtonElement, PartProps<'button'>>(
    `ImageDropzone.${name}`,
    function ItemButton({ asChild, children, onClick, ...props }, ref) {
      const context = useDropzone(name);
      const { item, index } = useItem(name);
      if (!show(item, context, index)) return null;
      return (
        <Part
          tag="button"
          asChild={asChild}
          type="button"
          aria-label={label(item.name)}
          disabled={isDisabled?.(context, index)}
          {...props}
          ref={ref}
          onClick={(event: React.MouseEvent<HTMLButtonElement>) => {
            onClick?.(event);
            if (!event.defaultPrevented) act(context, item, index);
          }}
        >
          {children ?? text}
        </Part>
      );
    },
  );
}

export const ItemRemove = /* @__PURE__ */ itemButton(
  'ItemRemove',
  (item) => item.status !== 'uploading',
  (name) => `Remove ${name}`,
  'Remove',
  (context, item) => context.remove(item.id),
);
export const ItemCancel = /* @__PURE__ */ itemButton(
  'ItemCancel',
  (item) => item.status === 'uploading',
  (name) => `Cancel upload of ${name}`,
  'Cancel',
  (context, item) => context.cancel(item.id),
);
export const ItemRetry = /* @__PURE__ */ itemButton(
  'ItemRetry',
  canRetry,
  (name) => `Retry upload of ${name}`,
  'Retry',
  (context, item) => context.retry(item.id),
);
export const ItemMoveEarlier = /* @__PURE__ */ itemButton(
  'ItemMoveEarlier',
  (_, context) => context.items.length > 1,
  (name) => `Move ${name} earlier`,
  'Earlier',
  (context, item, index) => context.move(item.id, index - 1),
  (_, index) => index === 0,
);
export const ItemMoveLater = /* @__PURE__ */ itemButton(
  'ItemMoveLater',
  (_, context) => context.items.length > 1,
  (name) => `Move ${name} later`,
  'Later',
  (context, item, index) => context.move(item.id, index + 1),
  (context, index) => index === context.items.length - 1,
);
