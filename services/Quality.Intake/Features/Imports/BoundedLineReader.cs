using System.Text;

namespace Quality.Intake.Features.Imports;

/// <summary>
/// Reads lines like <see cref="StreamReader.ReadLineAsync()"/> but never holds more than
/// <paramref name="maxLength"/> characters of one: a file that is one endless line cannot exhaust memory.
/// An over-long line is skipped to its end and reported as such.
/// </summary>
public sealed class BoundedLineReader(TextReader reader, int maxLength)
{
    private readonly char[] _buffer = new char[16 * 1024];
    private readonly StringBuilder _line = new();
    private int _position;
    private int _length;

    /// <summary>The next line, or <c>End</c> at the end of the file; <c>TooLong</c> lines have no text.</summary>
    public async ValueTask<(bool End, string? Text, bool TooLong)> ReadLineAsync(CancellationToken cancellationToken)
    {
        _line.Clear();
        var tooLong = false;
        var any = false;
        while (true)
        {
            if (_position == _length)
            {
                _length = await reader.ReadAsync(_buffer, cancellationToken);
                _position = 0;
                if (_length == 0)
                {
                    tooLong |= _line.Length > maxLength;
                    return any ? (false, tooLong ? null : _line.ToString(), tooLong) : (true, null, false);
                }
            }

            any = true;
            var newline = Array.IndexOf(_buffer, '\n', _position, _length - _position);
            var end = newline < 0 ? _length : newline;
            if (!tooLong)
            {
                var take = end - _position;
                // One more than the limit may be held: the '\r' of a CRLF, which is not part of the line.
                if (_line.Length + take > maxLength + 1)
                {
                    tooLong = true;
                    _line.Clear();
                }
                else
                {
                    _line.Append(_buffer, _position, take);
                }
            }

            _position = newline < 0 ? _length : newline + 1;
            if (newline >= 0)
            {
                if (!tooLong && _line.Length > 0 && _line[^1] == '\r')
                {
                    _line.Length--;
                }

                tooLong |= _line.Length > maxLength;

                return (false, tooLong ? null : _line.ToString(), tooLong);
            }
        }
    }
}
