import { z } from "zod";

/** Sign-in form and the credentials provider share this contract. */
export const signInSchema = z.object({
  email: z
    .string({ error: "Enter your email address" })
    .trim()
    .min(1, "Enter your email address")
    .max(254, "That email address is too long")
    .pipe(z.email("Enter a valid email address"))
    .transform((email) => email.toLowerCase()),
  password: z
    .string({ error: "Enter your password" })
    .min(1, "Enter your password")
    .max(1024, "That password is too long"),
});
