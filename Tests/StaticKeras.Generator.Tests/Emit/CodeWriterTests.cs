using StaticKeras.Generator.Emit;
using Xunit;

namespace StaticKeras.Generator.Tests.Emit;

public sealed class CodeWriterTests
{
    [Fact]
    public void BlocksIndentByFourSpacesAndEmptyLinesStayEmpty()
    {
        var writer = new CodeWriter();
        using (writer.Block("class A"))
        {
            writer.Line("int x;");
            writer.Line();
            using (writer.Block("void F()"))
            {
                writer.Line("x++;");
            }
        }

        Assert.Equal("class A\n{\n    int x;\n\n    void F()\n    {\n        x++;\n    }\n}\n", writer.ToString());
    }

    [Fact]
    public void CommentsAlignTwoSpacesAfterTheLongestCommentedLine()
    {
        var writer = new CodeWriter();
        writer.Lines(
        [
            new CodeLine("var x1 = a.Call(x);", "(batch, 4)"),
            new CodeLine("var loss = SomeVeryLongUncommentedCall(y, x1, fromLogits: true);"),
            new CodeLine("var logits = bb.CallLinear(x1);", "(batch, 2)"),
        ]);

        Assert.Equal(
            "var x1 = a.Call(x);              // (batch, 4)\n"
            + "var loss = SomeVeryLongUncommentedCall(y, x1, fromLogits: true);\n"
            + "var logits = bb.CallLinear(x1);  // (batch, 2)\n",
            writer.ToString());
    }

    [Fact]
    public void DocLinesPrefixEveryLine()
    {
        var writer = new CodeWriter();
        writer.DocLines("a\n\nb");

        Assert.Equal("/// a\n///\n/// b\n", writer.ToString());
    }
}
