package io.socialearn.harness.stackexchange;

import io.socialearn.harness.UsageException;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streams the {@code <row .../>} elements of one Stack Exchange dump file with StAX, one row's
 * attributes at a time, so a dump of any size is read in bounded memory.
 *
 * <p>A missing file, malformed XML or a file that ends before its root element closes is a {@link
 * UsageException} naming the file, the position and the problem. Not thread-safe.
 */
public final class XmlRows implements Iterator<Map<String, String>>, AutoCloseable {
  private final Path file;
  private final CountingStream in;
  private final XMLStreamReader reader;
  private Map<String, String> next;
  private boolean finished;
  private long rows;

  private XmlRows(Path file, CountingStream in, XMLStreamReader reader) {
    this.file = file;
    this.in = in;
    this.reader = reader;
  }

  /**
   * Opens a dump file.
   *
   * @throws UsageException if it is missing or unreadable
   */
  public static XmlRows open(Path file) {
    CountingStream in;
    try {
      in = new CountingStream(Files.newInputStream(file));
    } catch (NoSuchFileException e) {
      throw new UsageException(file + ": no such dump file");
    } catch (IOException e) {
      throw new UsageException(file + ": cannot read: " + e.getMessage(), e);
    }
    try {
      return new XmlRows(file, in, newFactory().createXMLStreamReader(in));
    } catch (XMLStreamException e) {
      closeQuietly(in);
      throw malformed(file, e);
    }
  }

  /** A StAX factory that resolves no external entity (an internal DTD subset is read). */
  public static XMLInputFactory newFactory() {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    factory.setXMLResolver((publicId, systemId, base, ns) -> {
      throw new XMLStreamException("external entity " + systemId + " refused");
    });
    return factory;
  }

  /** The one-line usage error for malformed XML in {@code file}, with the position. */
  public static UsageException malformed(Path file, XMLStreamException e) {
    Location at = e.getLocation();
    String where = at == null ? "" : " at line " + at.getLineNumber() + ", column "
        + at.getColumnNumber();
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    // StAX messages repeat the position on a first line; keep the last, human part.
    int cut = message.lastIndexOf("Message: ");
    if (cut >= 0) {
      message = message.substring(cut + "Message: ".length());
    }
    return new UsageException(file + ": malformed XML" + where + ": "
        + message.replaceAll("\\s+", " ").strip(), e);
  }

  /** The file being read. */
  public Path file() {
    return file;
  }

  /** How many bytes of the file the parser has consumed so far. */
  public long bytesRead() {
    return in.count;
  }

  /** How many rows were returned so far. */
  public long rows() {
    return rows;
  }

  @Override
  public boolean hasNext() {
    if (next == null && !finished) {
      next = advance();
    }
    return next != null;
  }

  @Override
  public Map<String, String> next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Map<String, String> row = next;
    next = null;
    rows++;
    return row;
  }

  private Map<String, String> advance() {
    try {
      while (reader.hasNext()) {
        int event = reader.next();
        if (event == XMLStreamConstants.START_ELEMENT && reader.getLocalName().equals("row")) {
          Map<String, String> row = new HashMap<>();
          for (int i = 0; i < reader.getAttributeCount(); i++) {
            row.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
          }
          return row;
        }
      }
      finished = true;
      return null;
    } catch (XMLStreamException e) {
      finished = true;
      throw malformed(file, e);
    }
  }

  @Override
  public void close() {
    try {
      reader.close();
    } catch (XMLStreamException e) {
      // nothing more to read; the stream is closed below either way
    }
    closeQuietly(in);
  }

  /** Counts the bytes read through it, for progress. */
  private static final class CountingStream extends FilterInputStream {
    private long count;

    CountingStream(InputStream in) {
      super(new BufferedInputStream(in, 1 << 16));
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException e) {
      // a read-only stream that fails to close leaks nothing we could recover
    }
  }
}
