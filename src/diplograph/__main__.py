from diplograph.cli import app

app(prog_name="diplograph")
