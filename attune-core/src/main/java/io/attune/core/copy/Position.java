package io.attune.core.copy;

/**
 * A place in the linted source: {@code line} and {@code column} count from 1, {@code offset} from 0,
 * all in UTF-16 characters (as Java, JavaScript and the Language Server Protocol count). A line
 * ends at {@code \n}; a {@code \r} before it belongs to the line.
 */
public record Position(int line, int column, int offset) {
    public Position {
        if (line < 1 || column < 1 || offset < 0) {
            throw new IllegalArgumentException("a position needs line >= 1, column >= 1, offset >= 0; got "
                    + line + ":" + column + " @" + offset);
        }
    }
}
