'use client';
import {
  useCallback,
  useEffect,
  useRef,
  useState,
  type ChangeEvent,
  type ClipboardEvent,
  type DragEvent,
} from 'react';
import type { ImageRules } from '../image-checks.js';
import { mergeProps } from './merge-props.js';
import { isItemDrag } from './use-item-reorder.js';

interface DropTargetOptions {
  /** Checks and attaches what was dropped, pasted or chosen. */
  add: (files: File[], urls: string[]) => void;
  /** Nothing can be added (the option, or a model that takes none). */
  disabled: boolean;
  /** The `disabled` option: drops and pastes are ignored (a model that takes none still says why). */
  ignoreInput: boolean;
  invalid: boolean;
  rules: Pick<ImageRules, 'accept' | 'maxFiles'>;
  /** Ready images, for `data-value`. */
  count: number;
}

/** The words of pasted or dropped text (a URL list, or URLs separated by spaces); `#` comment lines of a `text/uri-list` skipped. */
function parseUrls(text: string): string[] {
  return text
    .split(/\s+/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
}

/** The prop getters of the drop and paste target, the hidden file input and the browse button. */
export function useDropTarget({
  add,
  disabled,
  ignoreInput,
  invalid,
  rules,
  count,
}: DropTargetOptions) {
  const { accept, maxFiles } = rules;
  const [isDragging, setDragging] = useState(false);
  const dragDepth = useRef(0);
  const inputRef = useRef<HTMLInputElement | null>(null);
  const disabledNow = useRef(disabled);
  useEffect(() => {
    disabledNow.current = disabled;
  });
  const open = useCallback(() => {
    if (!disabledNow.current) inputRef.current?.click();
  }, []);

  const getRootProps = <P extends object = object>(props?: P) =>
    mergeProps(
      {
        role: 'group',
        'aria-disabled': disabled || undefined,
        'data-disabled': disabled ? '' : undefined,
        'data-dragging': isDragging ? '' : undefined,
        'data-invalid': invalid ? '' : undefined,
        'data-value': count,
        'data-max': Number.isFinite(maxFiles) ? maxFiles : undefined,
        onDragEnter: (event: DragEvent<HTMLElement>) => {
          if (isItemDrag(event)) return;
          event.preventDefault();
          dragDepth.current += 1;
          setDragging(true);
        },
        onDragOver: (event: DragEvent<HTMLElement>) => {
          if (isItemDrag(event)) return;
          event.preventDefault();
          // The drop is still taken when disabled by the model, to say why it was refused.
          event.dataTransfer.dropEffect = ignoreInput ? 'none' : 'copy';
        },
        onDragLeave: (event: DragEvent<HTMLElement>) => {
          if (isItemDrag(event)) return;
          dragDepth.current = Math.max(0, dragDepth.current - 1);
          if (dragDepth.current === 0) setDragging(false);
        },
        onDrop: (event: DragEvent<HTMLElement>) => {
          if (isItemDrag(event)) return;
          event.preventDefault();
          dragDepth.current = 0;
          setDragging(false);
          if (ignoreInput) return;
          const files = Array.from(event.dataTransfer.files);
          // An image dragged from a web page brings its URL, not a file.
          const text =
            event.dataTransfer.getData('text/uri-list') || event.dataTransfer.getData('text/plain');
          add(files, files.length ? [] : parseUrls(text));
        },
        onPaste: (event: ClipboardEvent<HTMLElement>) => {
          // Pasting into a text field (the URL input) is that field's business.
          const target = event.target as HTMLElement;
          if (ignoreInput || target.closest('input, textarea, [contenteditable="true"]')) return;
          const files = Array.from(event.clipboardData.files);
          const urls = files.length ? [] : parseUrls(event.clipboardData.getData('text/plain'));
          if (!files.length && !urls.length) return;
          event.preventDefault();
          add(files, urls);
        },
      },
      props,
    );

  const getInputProps = <P extends object = object>(props?: P) =>
    mergeProps(
      {
        ref: inputRef,
        type: 'file',
        accept: accept.join(','),
        multiple: maxFiles > 1,
        disabled,
        tabIndex: -1,
        hidden: true,
        onChange: (event: ChangeEvent<HTMLInputElement>) => {
          add(Array.from(event.currentTarget.files ?? []), []);
          // Choosing the same file again must fire a change.
          event.currentTarget.value = '';
        },
      },
      props,
    );

  const getBrowseProps = <P extends object = object>(props?: P) =>
    mergeProps(
      { type: 'button' as const, disabled, 'aria-invalid': invalid || undefined, onClick: open },
      props,
    );

  return { isDragging, open, getRootProps, getInputProps, getBrowseProps };
}
