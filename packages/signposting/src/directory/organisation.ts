import * as z from "zod";
import { Identifier } from "@selfmanage/core";
import { Extensions } from "../extensions";
import { Name, Text, Email, WebAddress, Phone } from "./common";

/**
 * A way to get in touch with a service: a named role or person at work, a phone number, an email address.
 *
 * @example
 * ```ts
 * Contact.parse({ title: "Reception", phone: "0131 496 0000" });
 * ```
 */
export const Contact = z
  .strictObject({
    name: Name.optional().meta({ description: "The contact's name (a member of staff, not a person using services)." }),
    title: Name.optional().meta({ description: "Job title or role, e.g. Reception." }),
    phone: Phone.optional(),
    email: Email.optional(),
  })
  .meta({ id: "Contact", title: "Contact", description: "A way to get in touch with a service." });
/**
 * A contact (see {@link Contact}).
 *
 * @example
 * ```ts
 * const contact: Contact = { email: "hello@example.org" };
 * ```
 */
export type Contact = z.infer<typeof Contact>;

/**
 * An organisation that provides services.
 *
 * @example
 * ```ts
 * Organisation.parse({ id: "org-1", name: "Fictional Peer Network" });
 * ```
 */
export const Organisation = z
  .strictObject({
    id: Identifier,
    name: Name,
    description: Text.optional(),
    email: Email.optional(),
    website: WebAddress.optional(),
    logo: WebAddress.optional(),
    parentOrganisationId: Identifier.optional(),
    identifiers: z
      .array(
        z.strictObject({
          scheme: z.string().min(1).max(100).optional().meta({ description: "e.g. GB-COH (Companies House) or GB-SC (Scottish charity)." }),
          type: z.string().min(1).max(200).meta({ description: "What kind of identifier, e.g. Company number." }),
          value: z.string().min(1).max(200),
        }),
      )
      .optional()
      .meta({ description: "Official identifiers such as a charity or company number." }),
  extensions: Extensions.optional(),
  })
  .meta({ id: "Organisation", title: "Organisation", description: "An organisation that provides services." });
/**
 * An organisation (see {@link Organisation}).
 *
 * @example
 * ```ts
 * const organisation: Organisation = { id: "org-1", name: "Fictional Peer Network" };
 * ```
 */
export type Organisation = z.infer<typeof Organisation>;
