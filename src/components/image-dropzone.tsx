'use client';
import * as VisuallyHidden from 'radix-ui/visually-hidden';
import { useId, useState, type ReactNode } from 'react';
import { describeImageRules, type ImageRejection } from './image-checks.js';
import type { UseImageDropzoneOptions } from './internal/image-dropzone-types.js';
import {
  Item,
  ItemCancel,
  ItemError,
  ItemMoveEarlier,
  ItemMoveLater,
  ItemName,
  ItemPreview,
  ItemProgress,
  ItemRemove,
  ItemRetry,
  Items,
} from './image-dropzone-items.js';
import { fieldErrorPart } from './internal/field-error.js';
import { DropzoneScope, useDropzone } from './internal/image-dropzone-scope.js';
import { flag, Part, part, type PartProps } from './internal/primitive.js';
import { joinIds, useDescriptions, useRegisterDescription } from './internal/use-descriptions.js';
import { useImageDropzone } from './use-image-dropzone.js';

/** Props of `ImageDropzone.Root`: the {@link useImageDropzone} options plus the root element's. */
export type ImageDropzoneRootProps = UseImageDropzoneOptions &
  Omit<PartProps<'div'>, 'defaultValue' | 'onChange'> & {
    /** Messages for the images field (the form's, or the server's 400); any makes it invalid, and `Error` shows them. */
    errors?: readonly string[];
    children?: ReactNode;
  };
const NO_ERRORS: readonly string[] = [];

const Root = /* @__PURE__ */ part<HTMLDivElement, ImageDropzoneRootProps>(
  'ImageDropzone.Root',
  function Root(
    {
      model,
      registry,
      maxFiles,
      maxBytes,
      accept,
      value,
      defaultValue,
      onValueChange,
      upload,
      maxConcurrentUploads,
      validator,
      onReject,
      disabled,
      invalid,
      errors = NO_ERRORS,
      asChild,
      children,
      ...props
    },
    ref,
  ) {
    const state = useImageDropzone({
      model,
      registry,
      maxFiles,
      maxBytes,
      accept,
      value,
      defaultValue,
      onValueChange,
      upload,
      maxConcurrentUploads,
      validator,
      onReject,
      disabled,
      invalid: invalid || errors.length > 0,
    });
    const baseId = useId();
    const descriptionId = `${baseId}-description`;
    const errorId = `${baseId}-error`;
    const descriptions = useDescriptions();
    const { text, count } = state.announcement;
    return (
      <DropzoneScope.Provider value={{ ...state, errors, descriptionId, errorId, descriptions }}>
        <Part
          tag="div"
          asChild={asChild}
          {...state.getRootProps({
            'aria-label': props['aria-labelledby'] ? undefined : 'Reference images',
            ...props,
            'aria-describedby': joinIds(
              props['aria-describedby'],
              descriptions.has('description') && descriptionId,
              descriptions.has('error') && errorId,
            ),
            ref,
          })}
        >
          {children ?? <DefaultParts />}
        </Part>
        {/* Polite, and outside the root so it exists before anything changes. Alternating a trailing
          space makes a repeated sentence ("photo.png removed") be read again. */}
        <VisuallyHidden.Root role="status" aria-live="polite">
          {text ? `${text}${count % 2 ? '' : '\u00a0'}` : ''}
        </VisuallyHidden.Root>
      </DropzoneScope.Provider>
    );
  },
);

function DefaultParts() {
  return (
    <>
      <Input />
      <Description />
      <Browse />
      <UrlInput />
      <ErrorMessage />
      <Items />
      <Rejections />
    </>
  );
}

const Input = /* @__PURE__ */ part<HTMLInputElement, PartProps<'input'>>(
  'ImageDropzone.Input',
  function Input(props, ref) {
    const { getInputProps } = useDropzone('Input');
    return <input {...getInputProps({ ...props, ref })} />;
  },
);

const Browse = /* @__PURE__ */ part<HTMLButtonElement, PartProps<'button'>>(
  'ImageDropzone.Browse',
  function Browse({ asChild, children, ...props }, ref) {
    const { getBrowseProps, maxFiles, descriptionId, errorId, descriptions } =
      useDropzone('Browse');
    const describedBy = joinIds(
      props['aria-describedby'],
      descriptions.has('description') && descriptionId,
      descriptions.has('error') && errorId,
    );
    return (
      <Part
        tag="button"
        asChild={asChild}
        {...getBrowseProps({ ...props, 'aria-describedby': describedBy, ref })}
      >
        {children ?? (maxFiles === 1 ? 'Choose an image' : 'Choose images')}
      </Part>
    );
  },
);

const UrlInput = /* @__PURE__ */ part<HTMLInputElement, Omit<PartProps<'input'>, 'asChild'>>(
  'ImageDropzone.UrlInput',
  function UrlInput({ onKeyDown, ...props }, ref) {
    const { addUrls, disabled } = useDropzone('UrlInput');
    const [text, setText] = useState('');
    return (
      <input
        type="url"
        aria-label="Image URL"
        placeholder="https://…"
        inputMode="url"
        disabled={disabled}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        {...props}
        ref={ref}
        onKeyDown={(event) => {
          onKeyDown?.(event);
          // Enter adds the URL, and must not submit the surrounding form.
          if (event.defaultPrevented || event.key !== 'Enter' || !text.trim()) return;
          event.preventDefault();
          addUrls([text]);
          setText('');
        }}
      />
    );
  },
);

const Description = /* @__PURE__ */ part<HTMLParagraphElement, PartProps<'p'>>(
  'ImageDropzone.Description',
  function Description({ asChild, children, ...props }, ref) {
    const context = useDropzone('Description');
    useRegisterDescription(context.descriptions.register, 'description', true);
    return (
      <Part
        tag="p"
        asChild={asChild}
        data-disabled={flag(Boolean(context.disabledReason))}
        {...props}
        ref={ref}
        id={context.descriptionId}
      >
        {children ??
          context.disabledReason ??
          `Drop, paste or choose images: ${describeImageRules(context)}`}
      </Part>
    );
  },
);

const ErrorMessage = /* @__PURE__ */ fieldErrorPart(
  'ImageDropzone.Error',
  function useErrorSource(part) {
    const { errors, errorId, descriptions } = useDropzone(part);
    return { errors, id: errorId, descriptions };
  },
);

const Rejections = /* @__PURE__ */ part<
  HTMLUListElement,
  Omit<PartProps<'ul'>, 'children'> & {
    children?: (rejection: ImageRejection, index: number) => ReactNode;
  }
>('ImageDropzone.Rejections', function Rejections({ children, asChild, ...props }, ref) {
  const { rejections } = useDropzone('Rejections');
  if (rejections.length === 0) return null;
  return (
    <Part
      tag="ul"
      asChild={asChild}
      aria-label="Not added"
      data-value={rejections.length}
      {...props}
      ref={ref}
    >
      {rejections.map((rejection, index) =>
        children ? (
          children(rejection, index)
        ) : (
          <li key={index} data-code={rejection.errors[0]?.code}>
            {rejection.errors.map((error) => error.message).join('; ')}
          </li>
        ),
      )}
    </Part>
  );
});

/**
 * An image dropzone bound to a model's image rules, as compound parts over {@link useImageDropzone}:
 * drop, paste (files and image URLs) or browse; JPEG/PNG/WebP within the model's size limit; none
 * (disabled, saying why), exactly one (a new image replaces it) or up to N; uploads through your
 * `upload` adapter with progress, cancel and retry; previews, reordering (buttons, Alt+arrow keys, or
 * dragging an item) and removal. Its value is the request's `inputImageUrls`. Changes are announced
 * in a polite live region the `Root` renders after itself.
 *
 * @example
 * <ImageDropzone.Root model="veo3" value={urls} onValueChange={setUrls} upload={uploadToStorage} />
 */
export const ImageDropzone = {
  /**
   * The drop and paste target (`role="group"`, named "Reference images", described by `Description`).
   * Takes every {@link useImageDropzone} option. Data: `data-dragging` (files over it), `data-disabled`,
   * `data-invalid`, `data-value` (ready images), `data-max` (most images). Children default to every part.
   */
  Root,
  /** The hidden file input (`accept` and `multiple` from the rules). Render it once. */
  Input,
  /** A button that opens the file chooser ("Choose images"); disabled with the dropzone. `asChild` supported. */
  Browse,
  /** A URL field: Enter attaches the URL typed or pasted into it ("Image URL"). */
  UrlInput,
  /** The rules ("JPEG, PNG or WebP, up to 10 MB each. Up to 10 images."), or why the model takes none. */
  Description,
  /** The `errors` given (e.g. "inputImageUrls needs at least 1 image"), describing the root and the browse button; nothing when none. */
  Error: ErrorMessage,
  /** The list of attached images (`ul`); nothing when empty. Children: a render function `(item, index) => node`. */
  Items,
  /**
   * One image (`li`), draggable to reorder; Alt+arrow keys on any of its controls move it. Data:
   * `data-state` (`uploading`/`ready`/`failed`), `data-value` (its position from 1), `data-max` (the count).
   */
  Item,
  /** The preview `<img>`: a file's object URL (revoked when the preview unmounts), or an http(s) URL. */
  ItemPreview,
  /** The file name, or the URL's last segment. */
  ItemName,
  /**
   * The upload's progress (`role="progressbar"`, "Uploading photo.png"; indeterminate until the adapter
   * reports), only while uploading. Data: `data-state`, `data-value`, `data-max`; the indicator has `--progress` (0–1).
   */
  ItemProgress,
  /**
   * Why the upload failed, in the adapter's words (the rule the server applied); only when it failed.
   * Data: `data-code` (`upload-failed`, …), `data-upload-code` (the adapter's code, e.g. `file-invalid-type`
   * or `network`), `data-retryable` (present when `ItemRetry` is offered).
   */
  ItemError,
  /** Removes a ready or failed image ("Remove photo.png"). */
  ItemRemove,
  /** Cancels an upload in flight and removes it; only while uploading. */
  ItemCancel,
  /** Uploads a failed file again; only when failed and retrying may help (not when the adapter said `retryable: false`). */
  ItemRetry,
  /** Moves the image one place earlier; disabled at the first place; only with two or more images. */
  ItemMoveEarlier,
  /** Moves the image one place later; disabled at the last place; only with two or more images. */
  ItemMoveLater,
  /** The files and URLs refused by the last add, with their reasons (`data-code` per item); nothing when none. */
  Rejections,
};
