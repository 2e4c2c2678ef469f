'use client';
import { Part, part, type PartProps } from './primitive.js';
import { useRegisterDescription, type Descriptions } from './use-descriptions.js';

/** What a field's `Error` part reads from its component. */
export interface FieldErrorSource {
  /** The messages to show; the part renders nothing without any. */
  errors: readonly string[];
  /** The id the control's `aria-describedby` points at. */
  id: string;
  descriptions: Descriptions;
}

/**
 * The `Error` part of a field: its messages (the form's or the server's) in a `<p>`, registered as a
 * description so the control is described by them only while they are shown.
 */
export function fieldErrorPart(displayName: string, useSource: (part: string) => FieldErrorSource) {
  return part<HTMLParagraphElement, PartProps<'p'>>(
    displayName,
    function ErrorMessage({ asChild, children, ...props }, ref) {
      const { errors, id, descriptions } = useSource('Error');
      useRegisterDescription(descriptions.register, 'error', errors.length > 0);
      if (errors.length === 0) return null;
      return (
        <Part tag="p" asChild={asChild} data-invalid="" {...props} ref={ref} id={id}>
          {children ?? errors.join(' ')}
        </Part>
      );
    },
  );
}
