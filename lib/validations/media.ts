import { z } from "zod";

/** POST /api/uploads?name=…: the body is the file itself, its type in Content-Type. */
export const uploadQuerySchema = z.object({
  name: z.string().trim().min(1, "name: the file's name is required").max(255, "name: at most 255 characters"),
});
